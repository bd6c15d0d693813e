module github.com/authwire/httpauth

go 1.24
