//go:build !(js && wasm)

package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"descent/game/config"
	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// TestRecommendedTableReproduces: the committed table is what the command writes.
func TestRecommendedTableReproduces(t *testing.T) {
	got, err := recommendTable()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", recommendedFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the rule gives now (%d bytes, want %d): run go run ./build recommend", recommendedFile, len(want), len(got))
	}
}

// TestRecommendedCoversEveryProblemAndOptimizer: no cell of the table is missing.
func TestRecommendedCoversEveryProblemAndOptimizer(t *testing.T) {
	for _, p := range problems.All() {
		for _, spec := range optim.Specs() {
			params, ok := problems.Recommended(p.Name, spec.Name)
			if !ok {
				t.Errorf("%s/%s: no recommendation", p.Name, spec.Name)
				continue
			}
			if _, err := optim.New(spec.Name, params); err != nil {
				t.Errorf("%s/%s: %v refused: %v", p.Name, spec.Name, params, err)
			}
		}
	}
}

// TestDefaultRunnersDoNotDiverge: every built-in problem opened with the default
// runners at their recommended parameters races its first 1,000 steps (the
// issue's horizon) with no runner diverging, at the default seed.
func TestDefaultRunnersDoNotDiverge(t *testing.T) {
	const steps = 1000
	def := config.Default()
	for _, p := range problems.All() {
		t.Run(p.Name, func(t *testing.T) {
			entries := make([]race.Entry, len(def.Runners))
			for i, r := range def.Runners {
				params, ok := problems.Recommended(p.Name, r.Optimizer)
				if !ok {
					t.Fatalf("no recommendation for %s", r.Optimizer)
				}
				entries[i] = race.Entry{Optimizer: r.Optimizer, Params: params, Seed: def.Seed}
			}
			rc, err := race.New(p, p.Start, entries, 0)
			if err != nil {
				t.Fatal(err)
			}
			rc.Advance(steps)
			for _, rn := range rc.Runners {
				if rn.Status == race.Diverged {
					t.Errorf("%s with %v: diverged at step %d, want no divergence in %d steps", rn.Optimizer, rn.Params, rn.StatusStep, steps)
				}
			}
		})
	}
}

// TestNotesQuadraticsKeepTheNotesValues: on the notes' quadratics the default
// runners keep config.DefaultRunners' values (config.NotesRunners), and Figure 2b, which sets its own
// α = 0.4 above 2/20 (course notes §3.3), still diverges.
func TestNotesQuadraticsKeepTheNotesValues(t *testing.T) {
	for _, name := range keptProblems {
		for _, r := range config.NotesRunners() {
			got, _ := problems.Recommended(name, r.Optimizer)
			// Compared in full: the config keeps only what differs from the defaults.
			if full := (config.Runner{Optimizer: r.Optimizer, Params: got}).FullParams(); !maps.Equal(full, r.FullParams()) {
				t.Errorf("%s/%s: got %v, want the default runners' %v", name, r.Optimizer, full, r.FullParams())
			}
		}
	}
	c, errs := config.Apply(config.Default(), "preset=fig2b")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p, err := c.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	entries := []race.Entry{{Optimizer: c.Runners[0].Optimizer, Params: c.Runners[0].Params, Seed: c.Seed}}
	rc, err := race.New(p, c.Start, entries, 0)
	if err != nil {
		t.Fatal(err)
	}
	rc.Advance(1000)
	if rn := rc.Runners[0]; rn.Status != race.Diverged {
		t.Errorf("Figure 2b (%s %v on %s): got %v, want diverged", rn.Optimizer, rn.Params, p.Name, rn.Status)
	}
}

// TestJudgeRulesOutCrashes: rule 1 refuses a rate that diverges and one that
// leaves the picture, and admits one that does neither.
func TestJudgeRulesOutCrashes(t *testing.T) {
	illConditioned, _ := problems.Lookup("ill-conditioned")
	monkey, _ := problems.Lookup("monkey-saddle")
	tests := []struct {
		name    string
		p       *problems.Problem
		lr      float64
		wantOut bool
	}{
		// Hessian diag(0.2, 20): gradient descent diverges above α = 2/20 (notes §3.3, Figure 2b).
		{"gd above 2/λmax", illConditioned, 0.4, true},
		{"gd below 2/λmax", illConditioned, 0.09, false},
		// f = x³ − 3xy² falls without end: at α = 0.1 gradient descent rolls off
		// within the 1,000 steps, far beyond the picture but inside the race's arena.
		{"gd off the monkey saddle", monkey, 0.1, true},
		{"gd slowly off the monkey saddle", monkey, 1e-4, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := judge(tc.p, "gd", map[string]float64{"lr": tc.lr})
			if (tr.out != "") != tc.wantOut {
				t.Errorf("α = %g: got out %q, want out %v", tc.lr, tr.out, tc.wantOut)
			}
		})
	}
}

// TestRateGrid: 1, 2 and 5 per decade over α's range, each the double nearest its decimal.
func TestRateGrid(t *testing.T) {
	grid := rateGrid(1e-6, 10)
	if len(grid) != 22 { // 7 decades from 1e-6 to 5, 3 rates each, and 10
		t.Errorf("got %d rates %v, want 22", len(grid), grid)
	}
	for i, v := range grid {
		s := strconv.FormatFloat(v, 'e', -1, 64) // shortest round-trip digits: "2e-04", not "2.0000000000000001e-04"
		if m := s[0]; s[1] != 'e' || m != '1' && m != '2' && m != '5' {
			t.Errorf("grid[%d] = %s, want 1, 2 or 5 times a power of ten", i, s)
		}
		if i > 0 && v <= grid[i-1] {
			t.Errorf("grid[%d] = %g after %g, want increasing", i, v, grid[i-1])
		}
	}
}
