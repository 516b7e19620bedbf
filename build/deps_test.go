//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestThePageCarriesNoGonum: gonum checks the numerics in the tests, but the
// page must not link it — its LAPACK alone, pulled in once for one quartic's
// roots, added 0.75 MB of brotli to main.wasm (1.30× → 1.59× the minimal app's).
func TestThePageCarriesNoGonum(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps ./wasm gave %d packages: %q", len(deps), deps)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "gonum.org/") {
			t.Errorf("the page links %s", d)
		}
	}
}
