package biasvar

import (
	"math"
	"slices"
	"strings"
	"testing"

	"descent/game/config"
	"descent/problems"
)

func TestCheck(t *testing.T) {
	with := func(f func(*Spec)) Spec {
		s := Default()
		f(&s)
		return s
	}
	parallel := [][2]float64{{1, 2}, {2, 4}, {-0.5, -1}} // rank 1
	for _, tc := range []struct {
		name string
		spec Spec
		want string // "" for a valid spec; else a piece of the error that names the field
	}{
		{"default", Default(), ""},
		{"by hand", with(func(s *Spec) { s.X = [][2]float64{{1, 0}, {0, 1}, {1, 1}} }), ""},
		{"singular, ridge", with(func(s *Spec) { s.X, s.Lambda = parallel, 0.1 }), ""},
		{"singular, OLS", with(func(s *Spec) { s.X = parallel }), "lambda = 0 with a singular XᵀX"},
		{"one row", with(func(s *Spec) { s.X = [][2]float64{{1, 1}} }), "X has 1 rows"},
		{"row not finite", with(func(s *Spec) { s.X = [][2]float64{{1, 0}, {0, math.NaN()}} }), "X row 1"},
		{"sigma < 0", with(func(s *Spec) { s.Sigma = -0.1 }), "sigma = -0.1"},
		{"lambda < 0", with(func(s *Spec) { s.Lambda = -1 }), "lambda = -1"},
		{"lambda Inf", with(func(s *Spec) { s.Lambda = math.Inf(1) }), "lambda = +Inf"},
		{"too many trials", with(func(s *Spec) { s.Trials = MaxTrials + 1 }), "trials = 100001"},
		{"one trial", with(func(s *Spec) { s.Trials = 1 }), "trials = 1"},
		{"too many draws", with(func(s *Spec) { s.Trials, s.N = MaxTrials, 200 }), "draws"},
		{"n = 1", with(func(s *Spec) { s.N = 1 }), "n = 1"},
		{"n too big", with(func(s *Spec) { s.N = 10001 }), "n = 10001"},
		{"seed too big", with(func(s *Spec) { s.Seed = 2e6 }), "seed = 2e+06"},
		{"design", with(func(s *Spec) { s.Design = 7 }), "design = Design(7)"},
		{"theta", with(func(s *Spec) { s.Theta[1] = math.Inf(-1) }), "theta = [-1 -Inf]"},
		{"x0", with(func(s *Spec) { s.X0[0] = math.NaN() }), "x0 = [NaN 1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.spec.Check()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "biasvar: ")):
				t.Errorf("got %v, want an error starting biasvar: and naming %q", err, tc.want)
			}
			if _, cerr := Compute(tc.spec); (cerr == nil) != (err == nil) {
				t.Errorf("Compute: got %v, Check: %v; want both or neither", cerr, err)
			}
		})
	}
}

// TestRegressionIsTheSameData: the regression problem built from a spec's settings
// (through the hash, as the button will) holds the spec's dataset number for number,
// and its minimum is the ridge fit of trial 0: the same objective divided by n.
func TestRegressionIsTheSameData(t *testing.T) {
	var specs []Spec
	for d := problems.DesignUniform; d <= problems.DesignRandom; d++ {
		s := Default()
		s.Design, s.Seed, s.Lambda = d, uint64(100+d), 0.7*float64(d)
		specs = append(specs, s)
	}
	big := Default()
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
		sm, err := NewSampler(s)
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

func TestRegressionRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(*Spec)
		want string
	}{
		{"by hand", func(s *Spec) { s.X = [][2]float64{{1, 0}, {0, 1}} }, "X given by hand"},
		{"λ/n too big", func(s *Spec) { s.Lambda = 1000 }, "lambda = 100, want a value in [0, 10]"},
		{"θ too big", func(s *Spec) { s.Theta = [2]float64{9, 0} }, "theta1 = 9"},
		{"σ too big", func(s *Spec) { s.Sigma = 6 }, "sigma = 6"},
	} {
		s := Default()
		tc.f(&s)
		if _, _, err := s.Regression(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
