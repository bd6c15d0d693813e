// Package contract holds the tests that cover a whole class across the
// packages of the module, so that the next package or type cannot forget
// what the others do:
//
//   - every scheme package follows the contract of the root package
//     documentation (section "Scheme packages"): its names, its shapes and
//     its errors (contract_test.go);
//   - every exported type of every package either holds no secret or
//     prints none on any route, and no Parse function puts a secret of
//     its input in an error (redact_test.go);
//   - every exported function, type and method of every package has an
//     example (examples_test.go).
//
// The packages and their exported names are found by reading the source
// of the module, so a new package or type is covered, or the tests fail
// and say which table to complete. The package has no code of its own.
package contract
