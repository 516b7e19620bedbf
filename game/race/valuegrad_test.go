package race_test

import (
	"testing"

	"descent/game/race"
	"descent/problems"
)

// plainSurface hides a problem's ValueGrad, so the race evaluates it the
// long way: Value after each step and Grad before the next.
type plainSurface struct{ p *problems.Problem }

func (s plainSurface) Value(x, y float64) float64           { return s.p.Value(x, y) }
func (s plainSurface) Grad(x, y float64) (float64, float64) { return s.p.Grad(x, y) }
func (s plainSurface) Bounds() (float64, float64, float64, float64) {
	return s.p.Bounds()
}

// countingSurface is a problem that counts its one-pass evaluations.
type countingSurface struct {
	plainSurface
	n *int
}

func (s countingSurface) ValueGrad(x, y float64) (float64, float64, float64) {
	*s.n++
	return s.p.ValueGrad(x, y)
}

// A surface that gives value and gradient in one pass is evaluated once a
// step, and the path is the one the long way gives, bit for bit.
func TestOnePassEvaluationKeepsThePath(t *testing.T) {
	for _, name := range []string{"rosenbrock", "rastrigin", "himmelblau"} {
		p, ok := problems.Lookup(name)
		if !ok {
			t.Fatalf("no problem %s", name)
		}
		for _, opt := range []string{"gd", "sgd", "adam", "newton"} {
			e := race.Entry{Optimizer: opt, Params: map[string]float64{"lr": 1e-3}, Seed: 3}
			const steps = 400
			want, wantLoss, wantStatus, wantAt, err := race.TrajectoryEntry(plainSurface{p}, e, p.Start, steps)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			got, gotLoss, gotStatus, gotAt, err := race.TrajectoryEntry(countingSurface{plainSurface{p}, &n}, e, p.Start, steps)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || gotStatus != wantStatus || gotAt != wantAt {
				t.Fatalf("%s on %s: %d points, %s at %d; the long way: %d points, %s at %d", opt, name, len(got), gotStatus, gotAt, len(want), wantStatus, wantAt)
			}
			for k := range want {
				if got[k] != want[k] || gotLoss[k] != wantLoss[k] {
					t.Fatalf("%s on %s, step %d: %v loss %v; the long way: %v loss %v", opt, name, k, got[k], gotLoss[k], want[k], wantLoss[k])
				}
			}
			// One pass at the start and one per step taken (the hessian of
			// newton is taken from Grad, not counted here); a converged
			// runner stands still from its status step on.
			taken := len(got) - 1
			if gotStatus == race.Converged {
				taken = gotAt
			}
			if gotStatus != race.Diverged && n != taken+1 {
				t.Errorf("%s on %s: %d one-pass evaluations for %d steps taken, want %d (one each, plus the start)", opt, name, n, taken, taken+1)
			}
		}
	}
}
