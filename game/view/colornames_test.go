package view

import "testing"

func TestEveryRunnerColourHasAName(t *testing.T) {
	if got, want := len(runnerColorNames), len(runnerColors); got != want {
		t.Fatalf("%d colour names for %d runner colours", got, want)
	}
	seen := map[string]bool{}
	for i := range runnerColors {
		n := RunnerColorName(i)
		if n == "" || seen[n] {
			t.Errorf("colour %d is named %q, empty or used twice", i, n)
		}
		seen[n] = true
	}
}
