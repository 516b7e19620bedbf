package race_test

import (
	"math"
	"slices"
	"testing"

	"descent/game/race"
	"descent/optim"
)

// TestLastStepRecordsWhatTheStepUsed replays every optimizer's first steps on
// the bowl with a fresh optimizer fed the recorded gradients: the replay must
// land on the runner's positions bit for bit, which holds only if Grad is the
// gradient the step used (for SGD the sampled one). It also checks Update
// against the positions, FullGrad against the exact gradient, and that the
// state before a step is the state after the one before.
func TestLastStepRecordsWhatTheStepUsed(t *testing.T) {
	const steps = 3 // the "three steps"
	for _, spec := range optim.Specs() {
		t.Run(spec.Name, func(t *testing.T) {
			r := mustNew(t, []race.Entry{{Optimizer: spec.Name, Seed: 5}}, steps+1)
			rn := r.Runners[0]
			if rn.LastStep != 0 || rn.Grad != ([2]float64{}) || rn.Update != ([2]float64{}) || len(rn.InternalsBefore(nil)) != 0 {
				t.Fatalf("before stepping: got step %d, grad %v, update %v, before %v, want zeros", rn.LastStep, rn.Grad, rn.Update, rn.InternalsBefore(nil))
			}
			replay, _ := optim.New(spec.Name, nil)
			x := []float64{start[0], start[1]}
			var after []optim.Vec
			for t1 := 1; t1 <= steps; t1++ {
				prev := [2]float64{rn.X, rn.Y}
				r.Advance(1)
				if rn.LastStep != t1 {
					t.Errorf("step %d: got LastStep %d", t1, rn.LastStep)
				}
				if rn.From != prev {
					t.Errorf("step %d: got From %v, want %v", t1, rn.From, prev)
				}
				if got, want := rn.Update, [2]float64{rn.X - prev[0], rn.Y - prev[1]}; got != want {
					t.Errorf("step %d: got Update %v, want the position difference %v", t1, got, want)
				}
				gx, gy := bowl{}.Grad(prev[0], prev[1])
				if rn.FullGrad != [2]float64{gx, gy} {
					t.Errorf("step %d: got FullGrad %v, want the exact ∇f %v", t1, rn.FullGrad, [2]float64{gx, gy})
				}
				stochastic := spec.Name == "sgd" // σ = 1 by default: the sample differs from ∇f
				if sameGrad := rn.Grad == rn.FullGrad; sameGrad == stochastic {
					t.Errorf("step %d: got Grad %v beside FullGrad %v, want them equal %v", t1, rn.Grad, rn.FullGrad, !stochastic)
				}
				g := []float64{rn.Grad[0], rn.Grad[1]}
				if so, ok := replay.(optim.SecondOrder); ok {
					hxx, hxy, hyy := 2.0, 0.0, 20.0 // the bowl's Hessian diag(2, 20); the race takes central differences
					so.StepHessian(x, g, []float64{hxx, hxy, hxy, hyy})
				} else {
					replay.Step(x, g)
				}
				if math.Abs(x[0]-rn.X) > 1e-12 || math.Abs(x[1]-rn.Y) > 1e-12 {
					t.Errorf("step %d: replaying Grad gives %v, want the runner's (%v, %v)", t1, x, rn.X, rn.Y)
				}
				if got := rn.InternalsBefore(nil); t1 > 1 && !slices.Equal(got, after) {
					t.Errorf("step %d: got state before %v, want the state after step %d, %v", t1, got, t1-1, after)
				}
				after = rn.Internals(nil)
				if ins, ok := replay.(optim.Inspector); ok && !slices.Equal(after, ins.Internals(nil)) {
					t.Errorf("step %d: got state %v, want the replay's %v", t1, after, ins.Internals(nil))
				}
				size, adaptive := rn.StepSize()
				var want [2]float64
				ad, ok := replay.(optim.Adaptive)
				if ok {
					want = ad.StepSize()
				}
				if adaptive != ok || size != want {
					t.Errorf("step %d: got step size %v, %v, want the replay's %v, %v", t1, size, adaptive, want, ok)
				}
			}
			r.Reset()
			if rn.LastStep != 0 || rn.Grad != ([2]float64{}) || rn.FullGrad != ([2]float64{}) || rn.Update != ([2]float64{}) || len(rn.InternalsBefore(nil)) != 0 {
				t.Errorf("after Reset: got step %d, grad %v, full %v, update %v, want zeros", rn.LastStep, rn.Grad, rn.FullGrad, rn.Update)
			}
		})
	}
}

// TestLastStepOfADivergence keeps the step that flew off: Update is the move
// that left the arena, while X, Y stay at the last finite position.
func TestLastStepOfADivergence(t *testing.T) {
	r := mustNew(t, []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 10}}}, 4)
	r.Advance(10)
	rn := r.Runners[0]
	if rn.Status != race.Diverged || rn.LastStep != rn.StatusStep {
		t.Fatalf("got %v at step %d, last step %d, want diverged at the last step", rn.Status, rn.StatusStep, rn.LastStep)
	}
	// θ' = θ − 10·(2x, 20y): y becomes −199·y, so the update is −200·y.
	if want := -200 * rn.Y; rn.Update[1] != want {
		t.Errorf("got Update y %v, want −200·y = %v", rn.Update[1], want)
	}
}

func TestRunnerReadoutDoesNotAllocate(t *testing.T) {
	r := mustNew(t, allFive(), 16)
	r.Advance(3)
	buf := make([]optim.Vec, 0, optim.MaxInternals)
	for _, rn := range r.Runners {
		if allocs := testing.AllocsPerRun(100, func() {
			buf = rn.Internals(buf[:0])
			buf = rn.InternalsBefore(buf[:0])
			rn.StepSize()
		}); allocs != 0 {
			t.Errorf("%s: got %v allocations, want 0", rn.Optimizer, allocs)
		}
	}
}
