package config

import (
	"os"
	"strings"
	"testing"

	"descent/optim"
	"descent/problems"
)

// TestREADMENamesEveryProblemAndOptimizer keeps the README's lists of hash
// values in step with the catalogs they document.
func TestREADMENamesEveryProblemAndOptimizer(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, p := range problems.All() {
		if !strings.Contains(readme, "`"+p.Name+"`") {
			t.Errorf("README does not name the problem %q", p.Name)
		}
		for _, q := range p.Params {
			if !strings.Contains(readme, q.Name) {
				t.Errorf("README does not name %s's parameter %q", p.Name, q.Name)
			}
		}
	}
	for _, s := range optim.Specs() {
		if !strings.Contains(readme, "`"+s.Name+"`") {
			t.Errorf("README does not name the optimizer %q", s.Name)
		}
		for _, q := range s.Params {
			if !strings.Contains(readme, q.Name) {
				t.Errorf("README does not name %s's parameter %q", s.Name, q.Name)
			}
		}
	}
}
