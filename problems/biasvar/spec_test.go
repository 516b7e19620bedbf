package biasvar

import (
	"math"
	"strings"
	"testing"
)

// with is the default spec changed by f.
func with(f func(*Spec)) Spec {
	s := Default()
	f(&s)
	return s
}

func TestCheck(t *testing.T) {
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
