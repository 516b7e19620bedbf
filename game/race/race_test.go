package race_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// bowl is f(x, y) = x² + 10y² on [−5, 5]²: an ill-conditioned quadratic as in
// section 3.3 of the course notes. Its Hessian is diag(2, 20), so λmax = 20
// and gradient descent is stable only for lr < 2/λmax = 0.1.
type bowl struct{}

func (bowl) Value(x, y float64) float64         { return x*x + 10*y*y }
func (bowl) Grad(x, y float64) (gx, gy float64) { return 2 * x, 20 * y }
func (bowl) Bounds() (xmin, xmax, ymin, ymax float64) {
	return -5, 5, -5, 5
}

// start is an arbitrary point away from both axes, so both coordinates move.
var start = [2]float64{3, 2}

// unstableLR is above 2/λmax = 0.1: each y step multiplies y by 1 − 20·0.11 = −1.2.
const unstableLR = 0.11

func allFive() []race.Entry {
	var entries []race.Entry
	for _, s := range optim.Specs() {
		entries = append(entries, race.Entry{Optimizer: s.Name})
	}
	return entries
}

func mustNew(t testing.TB, entries []race.Entry, trailLen int) *race.Race {
	t.Helper()
	r, err := race.New(bowl{}, start, entries, trailLen)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAdvanceMatchesOptimizerByHand(t *testing.T) {
	const steps = 25 // few enough that nobody but Newton converges or diverges
	r := mustNew(t, allFive(), 100)
	r.Advance(steps)
	if r.Step != steps {
		t.Errorf("Step: got %d, want %d", r.Step, steps)
	}
	for _, rn := range r.Runners {
		t.Run(rn.Optimizer, func(t *testing.T) {
			opt, err := optim.New(rn.Optimizer, nil)
			if err != nil {
				t.Fatal(err)
			}
			// The race's rule by hand: SGD on bowl, which has no data, gets
			// σ·N(0, 1) on each coordinate, x first, from PCG(seed, runner
			// ID); Newton gets bowl's exact Hessian diag(2, 20), where the
			// race takes central differences (exact up to rounding here).
			rng := rand.New(rand.NewPCG(0, uint64(rn.ID)))
			tol, wantStatus := 0.0, race.Running
			x, g := []float64{start[0], start[1]}, make([]float64, 2)
			for range steps {
				g[0], g[1] = bowl{}.Grad(x[0], x[1])
				switch o := opt.(type) {
				case optim.Stochastic:
					_, sigma := o.Sampling()
					g[0] += sigma * rng.NormFloat64()
					g[1] += sigma * rng.NormFloat64()
					o.Step(x, g)
				case optim.SecondOrder:
					o.StepHessian(x, g, []float64{2, 0, 0, 20})
					// One step reaches the minimum, where the gradient stays
					// 0: still from step 2, converged ConvergeSteps later.
					tol, wantStatus = 1e-9, race.Converged
				default:
					o.Step(x, g)
				}
			}
			if math.Abs(rn.X-x[0]) > tol || math.Abs(rn.Y-x[1]) > tol {
				t.Errorf("position: got (%v, %v), want (%v, %v) within %v", rn.X, rn.Y, x[0], x[1], tol)
			}
			if want := (bowl{}).Value(rn.X, rn.Y); rn.Loss != want {
				t.Errorf("loss: got %v, want %v", rn.Loss, want)
			}
			if rn.Status != wantStatus {
				t.Errorf("status: got %v, want %v", rn.Status, wantStatus)
			}
		})
	}
}

func TestRunnerParamsHaveDefaults(t *testing.T) {
	r := mustNew(t, []race.Entry{{Optimizer: "adam", Params: map[string]float64{"lr": 0.3}}}, 0)
	got := r.Runners[0].Params
	want := map[string]float64{"lr": 0.3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8} // optim's adam defaults
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %v, want %v", k, got[k], v)
		}
	}
}

func TestNewErrors(t *testing.T) {
	entries := []race.Entry{{Optimizer: "gd"}, {Optimizer: "adam", Params: map[string]float64{"beta1": 2}}}
	_, err := race.New(bowl{}, start, entries, 10)
	if err == nil {
		t.Fatal("got no error, want one for runner 1")
	}
	if !errors.Is(err, optim.ErrParamRange) {
		t.Errorf("got %v, want it to wrap optim.ErrParamRange", err)
	}
	if !strings.Contains(err.Error(), "runner 1 (adam)") {
		t.Errorf("got %q, want it to name runner 1 (adam)", err)
	}
	if _, err := race.New(bowl{}, [2]float64{math.NaN(), 0}, nil, 10); err == nil {
		t.Error("NaN start: got no error, want one")
	}
	if _, err := race.New(bowl{}, start, nil, -1); err == nil {
		t.Error("negative trail: got no error, want one")
	}
}

func TestDivergenceIsReportedAndFinite(t *testing.T) {
	entries := []race.Entry{
		{Optimizer: "gd", Params: map[string]float64{"lr": unstableLR}},
		{Optimizer: "adam"},
	}
	r := mustNew(t, entries, 1000)
	// |y| grows by 1.2 per step from 2 and must pass the domain's edge plus
	// DivergeWidths heights, 505 for the bowl's [−5, 5]: ln(505/2)/ln(1.2) ≈ 31
	// steps. 500 is plenty.
	r.Advance(500)
	gd, adam := r.Runners[0], r.Runners[1]
	if gd.Status != race.Diverged || gd.StatusStep < 1 || gd.StatusStep > r.Step {
		t.Errorf("gd: got %v at step %d, want diverged at a step in [1, %d]", gd.Status, gd.StatusStep, r.Step)
	}
	if adam.Status == race.Diverged {
		t.Errorf("adam: got %v at step %d, want running or converged", adam.Status, adam.StatusStep)
	}
	for _, rn := range r.Runners {
		if !isFinite(rn.X) || !isFinite(rn.Y) || !isFinite(rn.Loss) {
			t.Errorf("%s: got X %v, Y %v, Loss %v, want all finite", rn.Optimizer, rn.X, rn.Y, rn.Loss)
		}
		for i, p := range rn.Trail(nil) {
			if !isFinite(p[0]) || !isFinite(p[1]) {
				t.Errorf("%s trail[%d]: got %v, want finite", rn.Optimizer, i, p)
			}
		}
	}
	// Frozen: more steps change nothing for the diverged runner.
	x, y, step := gd.X, gd.Y, gd.StatusStep
	r.Advance(10)
	if gd.X != x || gd.Y != y || gd.StatusStep != step {
		t.Errorf("diverged runner moved: got (%v, %v) step %d, want (%v, %v) step %d", gd.X, gd.Y, gd.StatusStep, x, y, step)
	}
}

// ledge is f(x, y) = √(1−x) − 2x + y², real only for x ≤ 1. Its slope
// pushes descent towards +x, so a large step lands where f is NaN.
type ledge struct{}

func (ledge) Value(x, y float64) float64 { return math.Sqrt(1-x) - 2*x + y*y }
func (ledge) Grad(x, y float64) (gx, gy float64) {
	return -1/(2*math.Sqrt(1-x)) - 2, 2 * y
}
func (ledge) Bounds() (xmin, xmax, ymin, ymax float64) { return -1, 1, -1, 1 }

func TestNonFiniteLossDiverges(t *testing.T) {
	// From (0.5, 0), gx = −1/(2√0.5) − 2 ≈ −2.71, so GD with lr 1 lands at
	// x ≈ 3.2, well inside the divergence radius but where √(1−x) is NaN.
	from := [2]float64{0.5, 0}
	r, err := race.New(ledge{}, from, []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 1}}}, 10)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(5)
	rn := r.Runners[0]
	if rn.Status != race.Diverged || rn.StatusStep != 1 {
		t.Errorf("got %v at step %d, want diverged at step 1", rn.Status, rn.StatusStep)
	}
	if wantLoss := (ledge{}).Value(from[0], from[1]); rn.X != from[0] || rn.Y != from[1] || rn.Loss != wantLoss {
		t.Errorf("got (%v, %v) loss %v, want the start %v with loss %v", rn.X, rn.Y, rn.Loss, from, wantLoss)
	}
	if !r.Done() {
		t.Error("Done: got false, want true with the only runner diverged")
	}

	// Started where f is NaN, a runner is diverged at step 0, loss still finite.
	r.Restart([2]float64{2, 0})
	if rn.Status != race.Diverged || rn.StatusStep != 0 || !isFinite(rn.Loss) {
		t.Errorf("NaN start: got %v at step %d loss %v, want diverged at step 0 with a finite loss", rn.Status, rn.StatusStep, rn.Loss)
	}
	points, losses, status, _ := race.Trajectory(ledge{}, &optim.GD{LearningRate: 1}, from, 5)
	if len(points) != 1 || len(losses) != 1 || status != race.Diverged {
		t.Errorf("Trajectory: got %d points, %d losses, %v, want 1, 1, diverged", len(points), len(losses), status)
	}
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func TestConvergenceOnQuadratic(t *testing.T) {
	// GD with lr 0.05 scales x by 1 − 2·0.05 = 0.9 and y by 1 − 20·0.05 = 0
	// per step. The gradient (2x, 0) is below ConvergeTol once
	// 2·3·0.9ⁿ < 1e-6, at n ≈ 148, and must stay there ConvergeSteps steps.
	r := mustNew(t, []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 0.05}}}, 10)
	r.Advance(1000)
	rn := r.Runners[0]
	if rn.Status != race.Converged {
		t.Fatalf("got %v, want converged", rn.Status)
	}
	// The gradient driving step t is at the point after t−1 steps, 3·0.9^(t−1).
	firstStill := int(math.Ceil(math.Log(1e-6/(2*3))/math.Log(0.9))) + 1
	if want := firstStill + race.ConvergeSteps - 1; rn.StatusStep < want-1 || rn.StatusStep > want+1 {
		t.Errorf("StatusStep: got %d, want %d ± 1 (rounding)", rn.StatusStep, want)
	}
	if !r.Done() || r.Step != rn.StatusStep {
		t.Errorf("got Done %v at race step %d, want the race to stop at step %d", r.Done(), r.Step, rn.StatusStep)
	}
	x, y := rn.X, rn.Y
	r.Advance(10)
	if rn.X != x || rn.Y != y {
		t.Errorf("converged runner moved: got (%v, %v), want (%v, %v)", rn.X, rn.Y, x, y)
	}
}

func TestRestartAndReset(t *testing.T) {
	r := mustNew(t, allFive(), 50)
	fresh := mustNew(t, allFive(), 50)
	r.Advance(30)
	r.Reset()
	if r.Step != 0 {
		t.Errorf("Step after Reset: got %d, want 0", r.Step)
	}
	for _, rn := range r.Runners {
		if rn.X != start[0] || rn.Y != start[1] || rn.Status != race.Running || rn.StatusStep != 0 {
			t.Errorf("%s after Reset: got (%v, %v) %v step %d, want the start, running, step 0", rn.Optimizer, rn.X, rn.Y, rn.Status, rn.StatusStep)
		}
		if trail := rn.Trail(nil); len(trail) != 1 || trail[0] != start {
			t.Errorf("%s trail after Reset: got %v, want just the start", rn.Optimizer, trail)
		}
	}
	// The optimizers were Reset too: a rerun equals a fresh race bit for bit.
	r.Advance(30)
	fresh.Advance(30)
	assertEqualRaces(t, r, fresh)

	elsewhere := [2]float64{-4, 1}
	r.Restart(elsewhere)
	if r.Start != elsewhere || r.Runners[0].X != elsewhere[0] || r.Runners[0].Y != elsewhere[1] {
		t.Errorf("Restart: got start %v, runner at (%v, %v), want both at %v", r.Start, r.Runners[0].X, r.Runners[0].Y, elsewhere)
	}
}

func TestDeterminism(t *testing.T) {
	entries := append(allFive(), race.Entry{Optimizer: "gd", Params: map[string]float64{"lr": unstableLR}})
	a, b := mustNew(t, entries, 64), mustNew(t, entries, 64)
	for range 7 { // uneven chunks: the result must not depend on how steps are batched
		a.Advance(43)
	}
	b.Advance(301)
	assertEqualRaces(t, a, b)
}

func assertEqualRaces(t *testing.T, a, b *race.Race) {
	t.Helper()
	if a.Step != b.Step {
		t.Errorf("Step: got %d and %d, want equal", a.Step, b.Step)
	}
	for i := range a.Runners {
		ra, rb := a.Runners[i], b.Runners[i]
		if ra.X != rb.X || ra.Y != rb.Y || ra.Loss != rb.Loss || ra.Status != rb.Status || ra.StatusStep != rb.StatusStep {
			t.Errorf("runner %d (%s): got %+v and %+v, want equal bit for bit", i, ra.Optimizer, *ra, *rb)
		}
		ta, tb := ra.Trail(nil), rb.Trail(nil)
		if len(ta) != len(tb) {
			t.Errorf("runner %d trail: got lengths %d and %d, want equal", i, len(ta), len(tb))
			continue
		}
		for k := range ta {
			if ta[k] != tb[k] {
				t.Errorf("runner %d trail[%d]: got %v and %v, want equal", i, k, ta[k], tb[k])
			}
		}
	}
}

func TestTrailIsBoundedAndOrdered(t *testing.T) {
	const trailLen = 8
	for _, steps := range []int{0, 3, trailLen - 1, trailLen, 20} {
		r := mustNew(t, []race.Entry{{Optimizer: "gd"}}, trailLen)
		r.Advance(steps)
		// The whole path, by hand with GD's default lr 0.05: x ← x − lr·2x, y ← y − lr·20y.
		path := [][2]float64{start}
		for p := start; len(path) <= steps; {
			p = [2]float64{p[0] - 0.05*2*p[0], p[1] - 0.05*20*p[1]}
			path = append(path, p)
		}
		want := path[max(0, len(path)-trailLen):]
		got := r.Runners[0].Trail(nil)
		if len(got) != len(want) {
			t.Errorf("after %d steps: got %d trail points, want %d", steps, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("after %d steps, trail[%d]: got %v, want %v", steps, i, got[i], want[i])
			}
		}
		// The tail of every length, and the losses, read from the same ring.
		for k := range trailLen + 2 {
			tail := r.Runners[0].TrailTail(nil, k)
			if w := want[max(0, len(want)-k):]; !slices.Equal(tail, w) {
				t.Errorf("after %d steps, TrailTail(%d): got %v, want %v", steps, k, tail, w)
			}
		}
		losses := r.Runners[0].Losses(nil)
		if len(losses) != len(want) {
			t.Errorf("after %d steps: got %d losses, want %d", steps, len(losses), len(want))
			continue
		}
		for i, p := range want {
			if f := p[0]*p[0] + 10*p[1]*p[1]; math.Abs(losses[i]-f) > 1e-12*f {
				t.Errorf("after %d steps, loss[%d]: got %v, want f%v = %v", steps, i, losses[i], p, f)
			}
		}
	}
	// Trail appends to dst rather than replacing it.
	r := mustNew(t, []race.Entry{{Optimizer: "gd"}}, trailLen)
	dst := r.Runners[0].Trail([][2]float64{{9, 9}})
	if len(dst) != 2 || dst[0] != [2]float64{9, 9} || dst[1] != start {
		t.Errorf("got %v, want [[9 9] %v]", dst, start)
	}
}

func TestTrajectory(t *testing.T) {
	const steps = 40
	for _, s := range optim.Specs() {
		t.Run(s.Name, func(t *testing.T) {
			opt, _ := optim.New(s.Name, nil)
			points, losses, status, _ := race.Trajectory(bowl{}, opt, start, steps)
			if len(points) != steps+1 || len(losses) != steps+1 {
				t.Fatalf("got %d points and %d losses, want %d", len(points), len(losses), steps+1)
			}
			if points[0] != start || losses[0] != (bowl{}).Value(start[0], start[1]) {
				t.Errorf("first: got %v loss %v, want the start %v", points[0], losses[0], start)
			}
			// Same stepping code as a race: the same points.
			r := mustNew(t, []race.Entry{{Optimizer: s.Name}}, steps+1)
			r.Advance(steps)
			trail := r.Runners[0].Trail(nil)
			for i := range trail {
				if trail[i] != points[i] {
					t.Errorf("point %d: got %v, want the race's %v", i, points[i], trail[i])
				}
			}
			if status != r.Runners[0].Status {
				t.Errorf("status: got %v, want the race's %v", status, r.Runners[0].Status)
			}
		})
	}

	t.Run("diverging", func(t *testing.T) {
		points, losses, status, at := race.Trajectory(bowl{}, &optim.GD{LearningRate: unstableLR}, start, 1000)
		// Steps 1 … at−1 succeeded, so with the start there are at points.
		if status != race.Diverged || len(points) != at || len(losses) != at {
			t.Errorf("got %v at step %d with %d points, %d losses, want diverged with as many points as that step", status, at, len(points), len(losses))
		}
		last := points[len(points)-1]
		if !isFinite(last[0]) || !isFinite(last[1]) || !isFinite(losses[len(losses)-1]) {
			t.Errorf("last point %v loss %v, want finite", last, losses[len(losses)-1])
		}
	})
}

func TestAdvanceDoesNotAllocate(t *testing.T) {
	r := mustNew(t, allFive(), 16)
	r.Advance(20) // warm-up: optimizer state is allocated on the first step, and the trail fills
	if allocs := testing.AllocsPerRun(100, func() { r.Advance(1) }); allocs != 0 {
		t.Errorf("got %v allocations per Advance, want 0", allocs)
	}
	if allocs := testing.AllocsPerRun(20, func() { r.Reset(); r.Advance(5) }); allocs != 0 {
		t.Errorf("got %v allocations per Reset+Advance, want 0", allocs)
	}
}

func TestStatusString(t *testing.T) {
	for _, tc := range []struct {
		s    race.Status
		want string
	}{
		{race.Running, "running"},
		{race.Converged, "converged"},
		{race.Diverged, "diverged"},
		{race.Status(7), "Status(7)"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("Status(%d).String(): got %q, want %q", int(tc.s), got, tc.want)
		}
	}
}

func BenchmarkAdvance(b *testing.B) {
	r := mustNew(b, allFive(), 256)
	b.ReportAllocs()
	for b.Loop() {
		r.Advance(1)
		if r.Done() {
			r.Reset()
		}
	}
}

func TestTrailTailAndCount(t *testing.T) {
	r := mustNew(t, []race.Entry{{Optimizer: "gd"}}, 8)
	rn := r.Runners[0]
	if got := rn.TrailCount(); got != 1 {
		t.Errorf("TrailCount at the start = %d, want 1 (the start)", got)
	}
	r.Advance(20)
	all := rn.Trail(nil)
	if got := rn.TrailCount(); got != 21 {
		t.Errorf("TrailCount after 20 steps = %d, want 21", got)
	}
	tail := rn.TrailTail(nil, 3)
	if len(tail) != 3 || tail[0] != all[len(all)-3] || tail[2] != all[len(all)-1] {
		t.Errorf("TrailTail(3) = %v, want the last 3 of %v", tail, all)
	}
	if got := rn.TrailTail(nil, 100); len(got) != len(all) {
		t.Errorf("TrailTail(100) has %d points, want all %d kept", len(got), len(all))
	}
	losses := rn.Losses(nil)
	if len(losses) != len(all) {
		t.Fatalf("%d losses for %d trail points", len(losses), len(all))
	}
	for i, p := range all {
		if want := (bowl{}).Value(p[0], p[1]); losses[i] != want {
			t.Errorf("losses[%d] = %g, want f%v = %g", i, losses[i], p, want)
		}
	}
	r.Reset()
	if got := rn.TrailCount(); got != 1 {
		t.Errorf("TrailCount after Reset = %d, want 1", got)
	}
}

// TestARunThatLeavesTheSurfaceBehindDiverges: the two rules beyond finite
// numbers. Lion at α = 10 on Goldstein–Price (domain [−2, 2]²) stays within a
// few hundred units, where the surface's degree-8 polynomial reaches 10¹⁶: its
// loss grows past LossGrowth over its start's long before the arena's edge.
func TestARunThatLeavesTheSurfaceBehindDiverges(t *testing.T) {
	p, _ := problems.Lookup("goldstein-price")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "lion", Params: map[string]float64{"lr": 10}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(1000)
	rn := r.Runners[0]
	start := p.Value(p.Start[0], p.Start[1])
	if rn.Status != race.Diverged {
		t.Fatalf("lion at α = 10: %v with loss %g, want diverged", rn.Status, rn.Loss)
	}
	if rn.Loss-start > race.LossGrowth*math.Max(1, math.Abs(start)) {
		t.Errorf("kept loss %g, beyond the bound %g: the last finite loss inside the bound is kept", rn.Loss, race.LossGrowth*math.Max(1, start))
	}
	xmin, xmax, _, _ := p.Bounds()
	if math.Abs(rn.X) > xmax+race.DivergeWidths*(xmax-xmin) {
		t.Errorf("stopped at x = %g, beyond the arena: the loss rule should have stopped it first", rn.X)
	}
}
