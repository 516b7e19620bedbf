//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestThePageCarriesNoHeavyPackages: gonum checks the numerics in the tests,
// but the page must not link it — its LAPACK alone, pulled in once for one
// quartic's roots, added 0.75 MB of brotli to main.wasm (1.30× → 1.59× the
// minimal app's). Nor encoding/json, which the tests use freely: the page
// reads and writes its few JSON-like answers itself, and with encoding/json
// main.wasm was 451 kB larger (13.01 vs 12.55 MB; 80 kB of brotli), every byte
// downloaded and compiled or read from the cache on every visit.
func TestThePageCarriesNoHeavyPackages(t *testing.T) {
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
		if strings.HasPrefix(d, "gonum.org/") || d == "encoding/json" {
			t.Errorf("the page links %s", d)
		}
	}
}
