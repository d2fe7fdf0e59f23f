module example.com/mod121

go 1.21
