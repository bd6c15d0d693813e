module example.com/fuzzing

go 1.24

require github.com/authwire/httpauth v0.0.0-00010101000000-000000000000

replace github.com/authwire/httpauth => ../..
