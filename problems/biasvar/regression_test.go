package biasvar_test

// This test lives outside package biasvar: it reads the hash through game/config,
// which imports biasvar for the scene's keys.

import (
	"math"
	"slices"
	"testing"

	"descent/game/config"
	"descent/problems"
	"descent/problems/biasvar"
)

// TestRegressionIsTheSameData: the regression problem built from a spec's settings
// (through the hash, as the button will) holds the spec's dataset number for number,
// and its minimum is the ridge fit of trial 0: the same objective divided by n.
func TestRegressionIsTheSameData(t *testing.T) {
	var specs []biasvar.Spec
	for d := problems.DesignUniform; d <= problems.DesignRandom; d++ {
		s := biasvar.Default()
		s.Design, s.Seed, s.Lambda = d, uint64(100+d), 0.7*float64(d)
		specs = append(specs, s)
	}
	big := biasvar.Default()
	big.N, big.Sigma, big.Theta, big.Lambda = 2000, 5, [2]float64{-5, 5}, 150
	specs = append(specs, big)
	base, _ := problems.Lookup("regression")
	for _, s := range specs {
		vals, hash, err := s.Regression()
		if err != nil {
			t.Fatal(err)
		}
		name, parsed, errs := config.ParseProblem(hash)
		if name != "regression" || len(errs) > 0 {
			t.Fatalf("%s: parsed as %q, %v", hash, name, errs)
		}
		p, err := base.With(parsed)
		if err != nil {
			t.Fatal(err)
		}
		built := p.ParamValues() // the config keeps only what differs from the defaults
		for k, v := range vals {
			if built[k] != v {
				t.Errorf("%s: %s parsed as %v, want %v", hash, k, built[k], v)
			}
		}
		got, want := p.Data(), s.Dataset()
		if !slices.Equal(got.X, want.X) || !slices.Equal(got.Y, want.Y) {
			t.Errorf("%s: the regression's data differ from the spec's dataset", hash)
		}
		sm, err := biasvar.NewSampler(s)
		if err != nil {
			t.Fatal(err)
		}
		fit := sm.Estimates(s.Lambda, nil)[0]
		// Two solves of one 2×2 system (one scaled by 1/n): rounding, relative to ‖θ‖ ≤ 10.
		if m := p.Minima[0]; !near(m.X, fit[0], 1e-9, 10) || !near(m.Y, fit[1], 1e-9, 10) {
			t.Errorf("%s: regression minimum (%v, %v), want trial 0's fit %v", hash, m.X, m.Y, fit)
		}
	}
}

// near reports |got − want| ≤ tol·max(1, |scale|), as the package's own tests' near.
func near(got, want, tol, scale float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(scale))
}
