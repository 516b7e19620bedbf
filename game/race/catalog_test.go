package race_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// The tests below run the real catalogs: every optimizer of optim.Specs on
// every problem of problems.All, and the stochastic and second-order rules on
// the problems they are about.

func lookup(t testing.TB, name string, vals map[string]float64) *problems.Problem {
	t.Helper()
	base, ok := problems.Lookup(name)
	if !ok {
		t.Fatalf("no problem %q", name)
	}
	p, err := base.With(vals)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEveryOptimizerOnEveryProblem(t *testing.T) {
	const steps = 300
	for _, p := range problems.All() {
		for _, spec := range optim.Specs() {
			t.Run(p.Name+"/"+spec.Name, func(t *testing.T) {
				r, err := race.New(p, p.Start, []race.Entry{{Optimizer: spec.Name, Seed: 1}}, steps+1)
				if err != nil {
					t.Fatal(err)
				}
				r.Advance(steps)
				rn := r.Runners[0]
				if !isFinite(rn.X) || !isFinite(rn.Y) || !isFinite(rn.Loss) {
					t.Errorf("got X %v, Y %v, Loss %v, want all finite", rn.X, rn.Y, rn.Loss)
				}
				for i, pt := range rn.Trail(nil) {
					if !isFinite(pt[0]) || !isFinite(pt[1]) {
						t.Errorf("trail[%d]: got %v, want finite", i, pt)
					}
				}
				if want := p.Value(rn.X, rn.Y); rn.Loss != want {
					t.Errorf("Loss: got %v, want f(X, Y) = %v", rn.Loss, want)
				}
				switch rn.Status {
				case race.Running:
					if rn.StatusStep != 0 || r.Step != steps {
						t.Errorf("running: got StatusStep %d at race step %d, want 0 at %d", rn.StatusStep, r.Step, steps)
					}
				case race.Converged, race.Diverged:
					// The race stops when its only runner does.
					if rn.StatusStep < 1 || rn.StatusStep != r.Step {
						t.Errorf("%v: got StatusStep %d at race step %d, want a step in [1, %d] where the race stopped", rn.Status, rn.StatusStep, r.Step, steps)
					}
				default:
					t.Errorf("got status %v, want running, converged or diverged", rn.Status)
				}
			})
		}
	}
}

// TestSGDIsSeeded: the same seed draws the same minibatches or noise, bit for
// bit, a different seed others; Reset draws them again.
func TestSGDIsSeeded(t *testing.T) {
	const steps = 100
	for _, p := range []*problems.Problem{
		lookup(t, "regression", nil), // minibatches
		lookup(t, "rosenbrock", nil), // gradient noise
	} {
		t.Run(p.Name, func(t *testing.T) {
			entries := func(seed uint64) []race.Entry {
				// Two runners: the same seed in one race still gives each its own stream.
				return []race.Entry{
					{Optimizer: "sgd", Params: map[string]float64{"lr": 0.001}, Seed: seed},
					{Optimizer: "sgd", Params: map[string]float64{"lr": 0.001}, Seed: seed},
				}
			}
			run := func(seed uint64) *race.Race {
				r, err := race.New(p, p.Start, entries(seed), steps+1)
				if err != nil {
					t.Fatal(err)
				}
				r.Advance(steps)
				return r
			}
			a, b, other := run(7), run(7), run(8)
			assertEqualRaces(t, a, b)
			if a.Runners[0].X == other.Runners[0].X && a.Runners[0].Y == other.Runners[0].Y {
				t.Errorf("seeds 7 and 8: got the same position %v, want different draws", a.Runners[0].X)
			}
			if a.Runners[0].X == a.Runners[1].X && a.Runners[0].Y == a.Runners[1].Y {
				t.Errorf("runners 0 and 1 of one seed: got the same position, want different streams")
			}
			a.Reset()
			a.Advance(steps)
			assertEqualRaces(t, a, b)
		})
	}
}

// TestSGDMinibatchRuleByHand replays the race's SGD on the regression problem
// with Problem.SampleGrad and the runner's stream PCG(seed, ID).
func TestSGDMinibatchRuleByHand(t *testing.T) {
	const steps, seed, lr, batch = 40, 3, 0.05, 5
	p := lookup(t, "regression", nil)
	entry := race.Entry{Optimizer: "sgd", Params: map[string]float64{"lr": lr, "batch": batch}, Seed: seed}
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "gd"}, entry}, steps+1)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(steps)
	rn := r.Runners[1]
	rng := rand.New(rand.NewPCG(seed, 1)) // runner ID 1
	idx := make([]int, batch)
	x, y := p.Start[0], p.Start[1]
	for range steps {
		gx, gy := p.SampleGrad(idx, x, y, rng)
		x, y = x-lr*gx, y-lr*gy
	}
	if rn.X != x || rn.Y != y {
		t.Errorf("got (%v, %v), want (%v, %v) bit for bit", rn.X, rn.Y, x, y)
	}
}

// TestSGDWholeBatchIsGD: a batch of at least the number of points is the
// whole dataset, so SGD follows gradient descent (up to the rounding between
// summing the data and evaluating the formula).
func TestSGDWholeBatchIsGD(t *testing.T) {
	const steps = 50
	p := lookup(t, "regression", map[string]float64{"n": 30})
	r, err := race.New(p, p.Start, []race.Entry{
		{Optimizer: "gd", Params: map[string]float64{"lr": 0.1}},
		{Optimizer: "sgd", Params: map[string]float64{"lr": 0.1, "batch": 1000}},
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(steps)
	gd, sgd := r.Runners[0], r.Runners[1]
	if math.Abs(gd.X-sgd.X) > 1e-9 || math.Abs(gd.Y-sgd.Y) > 1e-9 {
		t.Errorf("got SGD at (%v, %v), GD at (%v, %v), want equal within 1e-9", sgd.X, sgd.Y, gd.X, gd.Y)
	}
}

// TestMinibatchGradientStatistics is the notes' point about SGD (§3.2): the
// minibatch gradient is an unbiased estimate of the full gradient whose
// variance falls as 1/batch. At the regression problem's start (0, 0), with
// indices drawn uniformly with replacement, a batch gradient is the mean of b
// independent per-point gradients, so its variance is exactly s²/b, s² being
// the per-point gradients' variance over the data.
func TestMinibatchGradientStatistics(t *testing.T) {
	const draws = 20000
	p := lookup(t, "regression", nil)
	var sampler race.Sampler = p
	n := sampler.DataLen()
	x, y := p.Start[0], p.Start[1]
	full := [2]float64{}
	full[0], full[1] = p.Grad(x, y)

	// s², per coordinate, from the n per-point gradients.
	var perPointVar [2]float64
	one := make([]float64, 2)
	for i := range n {
		p.Data().BatchGrad(one, x, y, 0, []int{i}) // λ = 0 by default
		for k := range 2 {
			d := one[k] - full[k]
			perPointVar[k] += d * d / float64(n)
		}
	}

	rng := rand.New(rand.NewPCG(11, 12))
	variance := map[int][2]float64{}
	for _, batch := range []int{4, 64} {
		idx := make([]int, batch)
		var sum, sumSq [2]float64
		for range draws {
			var g [2]float64
			g[0], g[1] = sampler.SampleGrad(idx, x, y, rng)
			for k := range 2 {
				sum[k] += g[k]
				sumSq[k] += (g[k] - full[k]) * (g[k] - full[k])
			}
		}
		for k := range 2 {
			mean := sum[k] / draws
			// The mean of draws batch gradients has sd √(s²/(b·draws)): ≤ 5 of
			// those, a fluke of probability ~6e-7 (and the seed is fixed).
			if bound := 5 * math.Sqrt(perPointVar[k]/float64(batch*draws)); math.Abs(mean-full[k]) > bound {
				t.Errorf("batch %d, coordinate %d: got mean %v, want the full gradient %v within %v", batch, k, mean, full[k], bound)
			}
			v := variance[batch]
			v[k] = sumSq[k] / draws // about the known mean
			variance[batch] = v
			// A variance estimated from 20000 draws is off by ~√(2/20000) = 1%
			// (a little more for a heavy-tailed batch of 4): allow 5%.
			if want := perPointVar[k] / float64(batch); math.Abs(v[k]/want-1) > 0.05 {
				t.Errorf("batch %d, coordinate %d: got variance %v, want s²/b = %v within 5%%", batch, k, v[k], want)
			}
		}
	}
	for k := range 2 {
		// Each variance within 5%, so their ratio within about 10% of 64/4 = 16.
		if ratio := variance[4][k] / variance[64][k]; math.Abs(ratio/16-1) > 0.1 {
			t.Errorf("coordinate %d: got variance ratio batch 4 / batch 64 = %v, want 16 within 10%%", k, ratio)
		}
	}
}

// TestSGDNoiseOnFormulaProblems: without data, SGD's gradient is the exact one
// plus σ·N(0, 1) on each coordinate; with σ = 0 that is gradient descent.
func TestSGDNoiseOnFormulaProblems(t *testing.T) {
	p := lookup(t, "rosenbrock", nil)
	r, err := race.New(p, p.Start, []race.Entry{
		{Optimizer: "gd", Params: map[string]float64{"lr": 0.001}},
		{Optimizer: "sgd", Params: map[string]float64{"lr": 0.001, "sigma": 0}},
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(100)
	if gd, sgd := r.Runners[0], r.Runners[1]; gd.X != sgd.X || gd.Y != sgd.Y {
		t.Errorf("σ = 0: got SGD at (%v, %v), want GD's (%v, %v) bit for bit", sgd.X, sgd.Y, gd.X, gd.Y)
	}
}

// newtonQuadratics are the quadratics of the catalog (value and exact gradient
// polynomials of degree 2), on which one Newton step from the default start
// lands on the minimum.
var newtonQuadratics = []struct {
	name string
	vals map[string]float64
}{
	{"quadratic", nil},
	{"ill-conditioned", nil},
	{"rotated", nil},
	{"rotated", map[string]float64{"kappa": 100}},
	{"booth", nil},
	{"matyas", nil},
	{"regression", nil},
}

func TestNewtonSolvesQuadraticsInOneStep(t *testing.T) {
	for _, q := range newtonQuadratics {
		p := lookup(t, q.name, q.vals)
		t.Run(q.name, func(t *testing.T) {
			r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "newton"}}, 0)
			if err != nil {
				t.Fatal(err)
			}
			r.Advance(1)
			rn, m := r.Runners[0], p.Minima[0]
			// The Hessian is central differences, exact on a quadratic but for
			// rounding, ~1e-12·|∇f| (problems.CentralHessian): the step errs by
			// about that times |H⁻¹|·|start − minimum|, ≲ 1e-10 here.
			if math.Abs(rn.X-m.X) > 1e-9 || math.Abs(rn.Y-m.Y) > 1e-9 {
				t.Errorf("%v: got (%v, %v) after one step, want the minimum (%v, %v) within 1e-9", q.vals, rn.X, rn.Y, m.X, m.Y)
			}
		})
	}
}

// TestNewtonGoesToTheSaddleNotAMinimum: Newton's method seeks a zero of the
// gradient, and near the saddle problem's saddle at the origin (∇f = (2x,
// y³ − y), Hessian diag(2, 3y² − 1), indefinite for |y| < 1/√3) that zero is
// the saddle itself, not either minimum at (0, ±1).
func TestNewtonGoesToTheSaddleNotAMinimum(t *testing.T) {
	p := lookup(t, "saddle", nil)
	r, err := race.New(p, [2]float64{0.3, 0.2}, []race.Entry{{Optimizer: "newton"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(100)
	rn := r.Runners[0]
	if rn.Status != race.Converged {
		t.Errorf("status: got %v, want converged", rn.Status)
	}
	// y ← y − (y³ − y)/(3y² − 1) converges cubically to 0 from 0.2: 0.2, −0.018, 1.2e-5, …
	if math.Abs(rn.X) > 1e-9 || math.Abs(rn.Y) > 1e-9 || rn.Loss != p.Value(rn.X, rn.Y) {
		t.Errorf("got (%v, %v) with loss %v, want the saddle (0, 0), loss 0", rn.X, rn.Y, rn.Loss)
	}
	if rn.Loss <= p.Minima[0].Value {
		t.Errorf("got loss %v, want above the minima's %v: a saddle is not a minimum", rn.Loss, p.Minima[0].Value)
	}
}

func TestTrajectoryEntry(t *testing.T) {
	const steps = 60
	p := lookup(t, "regression", nil)
	for _, e := range []race.Entry{
		{Optimizer: "sgd", Params: map[string]float64{"batch": 4}, Seed: 9},
		{Optimizer: "sgd", Seed: 0},
		{Optimizer: "newton", Params: map[string]float64{"damping": 1}},
		{Optimizer: "adam"},
	} {
		t.Run(e.Optimizer, func(t *testing.T) {
			points, losses, status, at, err := race.TrajectoryEntry(p, e, p.Start, steps)
			if err != nil {
				t.Fatal(err)
			}
			if len(points) != steps+1 || len(losses) != steps+1 {
				t.Fatalf("got %d points, %d losses, want %d", len(points), len(losses), steps+1)
			}
			// Runner 0 of a race with the same entry: the same path, bit for bit.
			r, err := race.New(p, p.Start, []race.Entry{e}, steps+1)
			if err != nil {
				t.Fatal(err)
			}
			r.Advance(steps)
			rn := r.Runners[0]
			for i, pt := range rn.Trail(nil) {
				if pt != points[i] {
					t.Errorf("point %d: got %v, want the race's %v", i, points[i], pt)
				}
			}
			if status != rn.Status || at != rn.StatusStep {
				t.Errorf("got %v at %d, want the race's %v at %d", status, at, rn.Status, rn.StatusStep)
			}
			// Trajectory uses seed 0.
			if e.Seed == 0 {
				opt, _ := optim.New(e.Optimizer, e.Params)
				old, _, _, _ := race.Trajectory(p, opt, p.Start, steps)
				for i := range old {
					if old[i] != points[i] {
						t.Errorf("Trajectory point %d: got %v, want TrajectoryEntry's %v", i, old[i], points[i])
					}
				}
			}
		})
	}
}

func TestTrajectoryEntryErrors(t *testing.T) {
	p := lookup(t, "rosenbrock", nil)
	for _, tc := range []struct {
		name     string
		e        race.Entry
		start    [2]float64
		steps    int
		sentinel error
	}{
		{"unknown optimizer", race.Entry{Optimizer: "bfgs"}, p.Start, 10, optim.ErrUnknownOptimizer},
		{"fractional batch", race.Entry{Optimizer: "sgd", Params: map[string]float64{"batch": 1.5}}, p.Start, 10, optim.ErrParamRange},
		{"NaN start", race.Entry{Optimizer: "gd"}, [2]float64{math.NaN(), 0}, 10, nil},
		{"negative steps", race.Entry{Optimizer: "gd"}, p.Start, -1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			points, _, _, _, err := race.TrajectoryEntry(p, tc.e, tc.start, tc.steps)
			if err == nil {
				t.Fatalf("got %d points and no error, want an error", len(points))
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("got %v, want it to wrap %v", err, tc.sentinel)
			}
		})
	}
}

// everyEntry is one runner per optimizer, seeded.
func everyEntry() []race.Entry {
	var entries []race.Entry
	for _, s := range optim.Specs() {
		entries = append(entries, race.Entry{Optimizer: s.Name, Seed: 5})
	}
	return entries
}

// TestAdvanceDoesNotAllocateOnProblems covers what the bowl of
// TestAdvanceDoesNotAllocate cannot: minibatches on data, and Hessians a
// surface gives itself.
func TestAdvanceDoesNotAllocateOnProblems(t *testing.T) {
	for _, name := range []string{"regression", "rosenbrock", "saddle"} {
		t.Run(name, func(t *testing.T) {
			p := lookup(t, name, nil)
			r, err := race.New(p, p.Start, everyEntry(), 16)
			if err != nil {
				t.Fatal(err)
			}
			r.Advance(20) // warm-up: optimizer state and minibatch scratch are allocated on the first step
			if allocs := testing.AllocsPerRun(100, func() { r.Advance(1) }); allocs != 0 {
				t.Errorf("got %v allocations per Advance, want 0", allocs)
			}
			if allocs := testing.AllocsPerRun(20, func() { r.Reset(); r.Advance(5) }); allocs != 0 {
				t.Errorf("got %v allocations per Reset+Advance, want 0", allocs)
			}
		})
	}
}

// BenchmarkAdvanceRosenbrock steps one runner of each optimizer on the
// catalog's Rosenbrock problem (a formula: SGD adds noise, Newton takes the
// problem's central-difference Hessian), restarting whoever stops.
func BenchmarkAdvanceRosenbrock(b *testing.B) {
	p := lookup(b, "rosenbrock", nil)
	for _, spec := range optim.Specs() {
		b.Run(spec.Name, func(b *testing.B) {
			r, err := race.New(p, p.Start, []race.Entry{{Optimizer: spec.Name, Seed: 1}}, 256)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r.Advance(1)
				if r.Done() {
					r.Reset()
				}
			}
		})
	}
}

// BenchmarkAdvanceRegressionSGD steps SGD on the regression problem's 100
// points, a minibatch per step.
func BenchmarkAdvanceRegressionSGD(b *testing.B) {
	p := lookup(b, "regression", nil)
	for _, batch := range []float64{1, 8, 64} {
		b.Run("batch="+strconv.Itoa(int(batch)), func(b *testing.B) {
			r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "sgd", Params: map[string]float64{"batch": batch}}}, 256)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r.Advance(1)
				if r.Done() {
					r.Reset()
				}
			}
		})
	}
}

// TestSweepStaysFinite: every optimizer on every problem, at learning rates
// across the whole range and from the start, the domain's corners and far
// outside it, keeps finite positions and losses: a diverging runner freezes at
// its last finite point instead of spreading NaN or ∞ into the page (issue 11).
func TestSweepStaysFinite(t *testing.T) {
	const steps = 100
	for _, p := range problems.All() {
		xmin, xmax, ymin, ymax := p.Bounds()
		starts := [][2]float64{p.Start, {xmin, ymin}, {xmax, ymax}, {xmax + 10*(xmax-xmin), ymin - 10*(ymax-ymin)}}
		for _, spec := range optim.Specs() {
			lrParam, _ := spec.Param("lr")
			for _, lr := range []float64{lrParam.Min, 1e-3, 0.1, 1, lrParam.Max} {
				for _, start := range starts {
					e := race.Entry{Optimizer: spec.Name, Params: map[string]float64{"lr": lr}, Seed: 7}
					points, losses, _, _, err := race.TrajectoryEntry(p, e, start, steps)
					if err != nil {
						t.Fatalf("%s/%s α=%g from %v: %v", p.Name, spec.Name, lr, start, err)
					}
					for i := range points {
						if !isFinite(points[i][0]) || !isFinite(points[i][1]) || !isFinite(losses[i]) {
							t.Fatalf("%s/%s α=%g from %v: step %d at %v with loss %v", p.Name, spec.Name, lr, start, i, points[i], losses[i])
						}
					}
				}
			}
		}
	}
}
