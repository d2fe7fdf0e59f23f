module example.com/importcycle

go 1.27
