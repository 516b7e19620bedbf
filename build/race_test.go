//go:build !(js && wasm)

package main

// The race itself, checked against the notes' update rules.

import (
	"fmt"
	"strings"
	"testing"
)

func TestRunnersAdvance(t *testing.T) {
	tb := open(t, "")
	first := tb.state()
	moved := eval[bool](tb, `(async () => {
		for (let i = 0; i < 400; i++) {
			if (descent.state().step >= 30) return true;
			await new Promise(r => setTimeout(r, 50));
		}
		return false;
	})()`)
	if !moved {
		t.Fatalf("step still %d after 20 s", tb.state().Step)
	}
	st := tb.state()
	for _, r := range st.Runners {
		if r.X == first.Start {
			t.Errorf("%s still at the start %v after %d steps", r.Optimizer, r.X, st.Step)
		}
		if !(r.Loss < tb.runner(first, r.Optimizer).Loss) {
			t.Errorf("%s loss %g, not below its start %g", r.Optimizer, r.Loss, tb.runner(first, r.Optimizer).Loss)
		}
	}
}

func TestAdamReachesTheIllConditionedMinimum(t *testing.T) {
	tb := open(t, "problem=ill-conditioned&o=adam&paused=1")
	tb.state()
	st := eval[stateJS](tb, "descent.step(3000)")
	adam := tb.runner(st, "adam")
	// The minimum is (0, 0) with value 0. Adam's step stays near α = 0.1 in size
	// until its moment estimates settle, so the tolerance is a hundredth of α.
	const tol = 1e-3
	if d := adam.X[0]*adam.X[0] + adam.X[1]*adam.X[1]; d > tol*tol || adam.Loss > 1e-5 {
		t.Errorf("adam at %v with loss %g after %d steps, want within %g of (0,0)", adam.X, adam.Loss, st.Step, tol)
	}
	if adam.Status == "diverged" {
		t.Errorf("adam diverged")
	}
}

func TestGDAboveTwoOverLambdaMaxDivergesAlone(t *testing.T) {
	// f = 0.1x² + 10y²: the Hessian is diag(0.2, 20), λmax = 20, so GD is stable only
	// for α < 2/λmax = 0.1. At α = 0.11 the y error grows by |1 − 20α| = 1.2 a step.
	tb := open(t, "problem=ill-conditioned&o=gd:lr=0.11;momentum;rmsprop;adam&paused=1")
	st := eval[stateJS](tb, "descent.step(5000)")
	gd := tb.runner(st, "gd")
	if gd.Status != "diverged" || gd.DivergedAt == nil || *gd.DivergedAt <= 0 {
		t.Fatalf("gd status %q divergedAt %v, want diverged at a step > 0", gd.Status, gd.DivergedAt)
	}
	for _, r := range st.Runners[1:] {
		if r.Status == "diverged" {
			t.Errorf("%s diverged too (at %v)", r.Optimizer, r.DivergedAt)
		}
	}
	// A note says why, and what to change.
	if msg := eval[string](tb, `document.getElementById("messages").textContent`); !strings.Contains(msg, fmt.Sprintf("Gradient descent diverged at step %d: with α = 0.11", *gd.DivergedAt)) || !strings.Contains(msg, "smaller α") {
		t.Errorf("messages %q, want a note explaining gradient descent's divergence", msg)
	}
	// The legend says so, in the row of gradient descent only.
	nextFrame(tb)
	rows := eval[[]string](tb, `[...document.querySelectorAll("#legend tr[data-status=diverged]")].map(tr => tr.textContent)`)
	want := fmt.Sprintf("diverged at step %d", *gd.DivergedAt)
	if len(rows) != 1 || !strings.Contains(rows[0], "Gradient descent") || !strings.Contains(rows[0], want) {
		t.Errorf("legend rows marked diverged: %q, want one for Gradient descent saying %q", rows, want)
	}
}

func TestTrajectoryMatchesHandComputedSteps(t *testing.T) {
	tb := open(t, "paused=1")
	type traj struct {
		Points [][2]float64 `json:"points"`
		Xs, Ys []float64
		Losses []float64 `json:"losses"`
		Typed  bool      `json:"typed"`
		Status string    `json:"status"`
		Error  string    `json:"error"`
	}
	// xs, ys and losses are Float64Arrays; points is built from xs and ys.
	got := eval[traj](tb, `(t => t.error ? t : {points: t.points, xs: Array.from(t.xs), ys: Array.from(t.ys), losses: Array.from(t.losses),
		typed: t.xs instanceof Float64Array && t.losses instanceof Float64Array, status: t.status})(
		descent.trajectory({problem: "ill-conditioned", optimizer: "gd", params: {lr: 0.05}, start: [1, 1], steps: 2}))`)
	if got.Error != "" {
		t.Fatal(got.Error)
	}
	// f = 0.1x² + 10y², ∇f = (0.2x, 20y); GD: θ ← θ − 0.05·∇f, so x ← 0.99x, y ← 0·y.
	want := [][2]float64{{1, 1}, {0.99, 0}, {0.9801, 0}}
	if len(got.Points) != 3 || len(got.Losses) != 3 || len(got.Xs) != 3 || !got.Typed {
		t.Fatalf("got %d points, %d xs, %d losses (typed arrays: %v), want 3 each in Float64Arrays", len(got.Points), len(got.Xs), len(got.Losses), got.Typed)
	}
	for i := range got.Points {
		if got.Points[i] != [2]float64{got.Xs[i], got.Ys[i]} {
			t.Errorf("points[%d] = %v, xs and ys say (%v, %v)", i, got.Points[i], got.Xs[i], got.Ys[i])
		}
	}
	for i, p := range want {
		if abs(got.Points[i][0]-p[0]) > 1e-12 || abs(got.Points[i][1]-p[1]) > 1e-12 {
			t.Errorf("points[%d] = %v, want %v", i, got.Points[i], p)
		}
		if l := 0.1*p[0]*p[0] + 10*p[1]*p[1]; abs(got.Losses[i]-l) > 1e-12 {
			t.Errorf("losses[%d] = %g, want %g", i, got.Losses[i], l)
		}
	}
	bad := eval[traj](tb, `descent.trajectory({expr: "x^^2", optimizer: "gd"})`)
	if !strings.Contains(bad.Error, "character 3") {
		t.Errorf("a bad formula gave %q, want an error naming where, character 3", bad.Error)
	}
}

func TestSeededSGDTrajectoriesAreReproducible(t *testing.T) {
	tb := open(t, "paused=1")
	get := func(seed int) [][2]float64 {
		return eval[[][2]float64](tb, fmt.Sprintf(`descent.trajectory({problem: "regression", optimizer: "sgd", params: {lr: 0.1, batch: 4}, steps: 50, seed: %d}).points`, seed))
	}
	a, b, c := get(7), get(7), get(8)
	if len(a) != 51 {
		t.Fatalf("%d points, want 51", len(a))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed, different points at step %d: %v vs %v", i, a[i], b[i])
		}
	}
	same := true
	for i := range a {
		same = same && a[i] == c[i]
	}
	if same {
		t.Errorf("seeds 7 and 8 gave the same minibatch path")
	}
}

func TestLBFGSReferencePathIsShownAsALineSearch(t *testing.T) {
	tb := open(t, "problem=rosenbrock&o=adam&lbfgs=1&paused=1")
	type ref struct {
		X           [2]float64 `json:"x"`
		Loss        float64    `json:"loss"`
		Iteration   int        `json:"iteration"`
		Iterations  int        `json:"iterations"`
		Evaluations int        `json:"evaluations"`
	}
	r := eval[ref](tb, "(descent.step(3), descent.state().reference)")
	if r.Iteration != 3 || r.Evaluations < 3 {
		t.Errorf("reference after 3 steps: %+v, want iteration 3 with at least 3 evaluations", r)
	}
	r = eval[ref](tb, "(descent.step(1000), descent.state().reference)")
	// Rosenbrock's minimum is (1, 1); L-BFGS stops when every gradient
	// component is below 1e-6, well within 1e-4 of it.
	if r.Iteration != r.Iterations || abs(r.X[0]-1) > 1e-4 || abs(r.X[1]-1) > 1e-4 {
		t.Errorf("reference at the end: %+v, want the whole path ending at (1, 1)", r)
	}
	nextFrame(tb)
	rows := eval[[]string](tb, `[...document.querySelectorAll("#legend tr.reference")].map(tr => tr.textContent)`)
	if len(rows) != 1 || !strings.Contains(rows[0], "L-BFGS (line search)") || strings.Contains(rows[0], "Gradient descent") {
		t.Errorf("reference-path legend rows %q, want one labelled L-BFGS (line search)", rows)
	}
	if !eval[bool](tb, `document.getElementById("lbfgs").checked`) {
		t.Errorf("the panel's L-BFGS box is not checked")
	}
	eval[bool](tb, `(document.getElementById("lbfgs").click(), true)`)
	if eval[bool](tb, "descent.state().reference !== null") {
		t.Errorf("unchecking the box left the reference path on")
	}
}

func TestPresetFigure2bDivergesAsInTheNotes(t *testing.T) {
	tb := open(t, "paused=1")
	eval[bool](tb, `(() => {
		const el = document.getElementById("preset");
		el.value = "fig2b";
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	st := eval[stateJS](tb, "descent.step(50)")
	if st.Problem != "ill-conditioned" || len(st.Runners) != 1 || st.Runners[0].Status != "diverged" {
		t.Errorf("after choosing Figure 2b and 50 steps: %+v, want one diverged gradient descent", st)
	}
	about := eval[string](tb, `document.getElementById("preset").value + ": " + document.querySelector("#preset + .about").textContent`)
	if !strings.HasPrefix(about, "fig2b: ") || !strings.Contains(about, "diverge") {
		t.Errorf("preset shown as %q, want fig2b with its explanation", about)
	}
	// Changing the setup leaves the figure.
	eval[[]string](tb, `descent.configure("o=gd:lr=0.05")`)
	if got := eval[string](tb, `document.getElementById("preset").value`); got != "" {
		t.Errorf("preset select %q after changing the setup, want it cleared", got)
	}
}

func TestTuneMakesRosenbrockRaceable(t *testing.T) {
	// The optimizers' default α make gradient descent and momentum fly off
	// Rosenbrock; written in the link, as by hand, they replace its recommendations.
	tb := open(t, "problem=rosenbrock&o=gd:lr=0.05;momentum:lr=0.02;adam&paused=1")
	st := eval[stateJS](tb, "descent.step(300)")
	if tb.runner(st, "gd").Status != "diverged" {
		t.Fatalf("gd did not diverge at its default α on Rosenbrock: the test lost its point")
	}
	eval[bool](tb, `(document.getElementById("tune").click(), true)`)
	// Tuning runs a slice per frame, so it never holds up the page.
	if !poll(tb, `descent.state().tuning === null`) {
		t.Fatal("tuning did not finish in 10 s")
	}
	st = eval[stateJS](tb, "descent.step(300)")
	for _, r := range st.Runners {
		if r.Status == "diverged" || r.Loss >= 24.2 { // f(-1.2, 1) = 24.2
			t.Errorf("after tuning, %s (α = %g) is %s with loss %g", r.Optimizer, r.Params["lr"], r.Status, r.Loss)
		}
	}
	if msg := eval[string](tb, `document.getElementById("messages").textContent`); !strings.Contains(msg, "Tuned α") {
		t.Errorf("message %q, want it to say what tuning did", msg)
	}
}
