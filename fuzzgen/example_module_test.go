package fuzzgen_test

import (
	"os"
	"os/exec"
	"testing"
)

// TestExampleModule runs the tests of example/, the separate module that
// shows another project's fuzz target built on this package: its seed
// corpus and its golden test must pass against this version of fuzzgen.
func TestExampleModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test in another module")
	}
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = "example"
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test in example/: %v\n%s", err, out)
	}
}
