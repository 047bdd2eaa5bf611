## config
