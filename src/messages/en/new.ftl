## new
