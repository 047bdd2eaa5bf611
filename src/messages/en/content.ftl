## content
