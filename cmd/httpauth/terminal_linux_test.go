package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a new pseudo-terminal and returns its controller and
// terminal ends.
func openPTY(t *testing.T) (ptm, pts *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ptm.Close()
		t.Skipf("unlocking the pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		ptm.Close()
		t.Skipf("numbering the pseudo-terminal: %v", e)
	}
	pts, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptm.Close()
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { pts.Close(); ptm.Close() })
	return ptm, pts
}

// TestRealTerminal: parse on a real (pseudo-)terminal prints what it needs
// at once; before, it waited for input that no one was going to type.
func TestRealTerminal(t *testing.T) {
	_, pts := openPTY(t)
	if !isTerminal(pts) {
		t.Fatalf("isTerminal(%s) = false, want true", pts.Name())
	}
	done := make(chan string, 1)
	go func() {
		var out, errb strings.Builder
		code := run([]string{"parse"}, pts, &out, &errb)
		done <- strconv.Itoa(code) + " " + out.String() + errb.String()
	}()
	select {
	case got := <-done:
		if !strings.HasPrefix(got, "2 httpauth parse: "+errTerminal.Error()) {
			t.Errorf("parse on a terminal: %q, want exit 2 and %q", got, errTerminal)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("parse on a terminal is still waiting for input after 10s")
	}
}
