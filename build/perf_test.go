//go:build !(js && wasm)

package main

// Performance behaviour that is not a budget: a page out of sight does no
// work, trajectory()'s typed arrays carry the race's own numbers, and the
// bench reads a race's frames when it says it does. The budgets themselves are
// checked by go run ./build bench, not by timed tests.

import (
	"math"
	"strconv"
	"testing"
	"time"

	"descent/game/perf"
	"descent/game/race"
	"descent/problems"
)

type loopCounts struct {
	Updates int `json:"updates"`
	Draws   int `json:"draws"`
	Step    int `json:"step"`
}

const loopCountsJS = `(() => { const m = descent.metrics(); return {updates: m.updates, draws: m.draws, step: descent.state().step}; })()`

// stillFor reads the loop's counts, waits ms, and reads them again.
func stillFor(tb *tab, ms int) (before, after loopCounts) {
	before = eval[loopCounts](tb, loopCountsJS)
	eval[bool](tb, `new Promise(r => setTimeout(() => r(true), `+itoa(ms)+`))`)
	return before, eval[loopCounts](tb, loopCountsJS)
}

func itoa(n int) string { return strconv.Itoa(n) }

// A canvas scrolled out of view, or a hidden tab, stops Update's work and
// Draw; back in view, the race goes on.
func TestOutOfSightPageDoesNoWork(t *testing.T) {
	tb := open(t, "")
	if !poll(tb, `descent.state().step > 0 && descent.metrics().draws > 1`) {
		t.Fatalf("the default race never started: %+v", eval[loopCounts](tb, loopCountsJS))
	}
	for _, c := range []struct{ name, hide, show string }{
		{"canvas scrolled out of view",
			`document.querySelector("canvas").style.translate = "0 -100000px"`,
			`document.querySelector("canvas").style.translate = ""`},
		{"hidden tab",
			`Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"}); document.dispatchEvent(new Event("visibilitychange"))`,
			`delete document.visibilityState; document.dispatchEvent(new Event("visibilitychange"))`},
	} {
		eval[any](tb, c.hide+"; 0")
		// The observer reports on its own schedule, late on a busy machine:
		// wait (up to 10 s) for the loop to settle before timing a second of it.
		for i := 0; i < 20; i++ {
			tb.state() // applies what the listeners queued
			if b, a := stillFor(tb, 500); a == b {
				break
			}
		}
		before, after := stillFor(tb, 1000)
		if after != before {
			t.Errorf("%s: over 1 s the loop went from %+v to %+v, want no updates, draws or steps", c.name, before, after)
		}
		eval[any](tb, c.show+"; 0")
		if !poll(tb, `descent.state().step > `+itoa(after.Step)+` && descent.metrics().draws > `+itoa(after.Draws)) {
			t.Errorf("%s: back in sight the race did not go on: %+v", c.name, eval[loopCounts](tb, loopCountsJS))
		}
	}
}

// A paused page's loop waits for something to happen (control.Shared's
// WaitWhileIdle): a few Updates a second, not one an animation frame (60 a
// second before), and none of them draws; a key still steps the race and
// draws it.
func TestPausedPageWaits(t *testing.T) {
	tb := open(t, "paused=1")
	if !poll(tb, `descent.metrics().draws > 0`) {
		t.Fatal("no frame drawn")
	}
	// The start's frames (the page's first, a resize) come on their own
	// schedule, late on a busy machine: wait (up to 10 s) until none is drawn.
	for i := 0; i < 20; i++ {
		if b, a := stillFor(tb, 500); a.Draws == b.Draws {
			break
		}
	}
	before, after := stillFor(tb, 1000)
	if n := after.Updates - before.Updates; n > 10 || after.Draws != before.Draws || after.Step != 0 {
		t.Errorf("paused, over 1 s the loop went from %+v to %+v: want at most 10 updates, no draws, no steps", before, after)
	}
	eval[any](tb, `document.dispatchEvent(new KeyboardEvent("keydown", {code: "ArrowRight", bubbles: true})); 0`)
	if !poll(tb, `descent.state().step === 1 && descent.metrics().draws > `+itoa(after.Draws)) {
		t.Errorf("→ on a paused page: %+v, want step 1 drawn", eval[loopCounts](tb, loopCountsJS))
	}
}

// trajectory()'s Float64Arrays hold the numbers race.TrajectoryEntry computes
// for the same spec (the API's default seed is 1).
func TestTrajectoryArraysMatchTheRace(t *testing.T) {
	tb := open(t, "paused=1")
	type traj struct {
		Xs         []float64 `json:"xs"`
		Ys         []float64 `json:"ys"`
		Losses     []float64 `json:"losses"`
		Status     string    `json:"status"`
		StatusStep int       `json:"statusStep"`
		Typed      bool      `json:"typed"`
	}
	for _, c := range []struct {
		problem, optimizer string
		lr                 float64
		steps              int
	}{
		{"rosenbrock", "adam", 0.01, 500},
		{"rastrigin", "sgd", 0.001, 300}, // SGD's noise comes from the seed
		{"rosenbrock", "gd", 0.01, 1000}, // diverges: the arrays end at its step
	} {
		got := eval[traj](tb, `(() => { const r = descent.trajectory({problem: "`+c.problem+`", optimizer: "`+c.optimizer+`", params: {lr: `+
			strconv.FormatFloat(c.lr, 'g', -1, 64)+`}, steps: `+itoa(c.steps)+`});
			return {xs: Array.from(r.xs), ys: Array.from(r.ys), losses: Array.from(r.losses), status: r.status, statusStep: r.statusStep,
				typed: r.xs instanceof Float64Array && r.ys instanceof Float64Array && r.losses instanceof Float64Array}; })()`)
		p, _ := problems.Lookup(c.problem)
		points, losses, status, at, err := race.TrajectoryEntry(p, race.Entry{Optimizer: c.optimizer, Params: map[string]float64{"lr": c.lr}, Seed: 1}, p.Start, c.steps)
		if err != nil {
			t.Fatal(err)
		}
		if status != race.Running && at+1 < len(points) {
			points, losses = points[:at+1], losses[:at+1]
		}
		name := c.optimizer + " on " + c.problem
		if !got.Typed || got.Status != status.String() || got.StatusStep != at || len(got.Xs) != len(points) || len(got.Ys) != len(points) || len(got.Losses) != len(losses) {
			t.Errorf("%s: typed %v, status %s at %d, %d/%d/%d values; want Float64Arrays, %s at %d, %d values",
				name, got.Typed, got.Status, got.StatusStep, len(got.Xs), len(got.Ys), len(got.Losses), status, at, len(points))
			continue
		}
		// The same Go code runs natively and in wasm; only math functions with
		// assembly on amd64 may round their last bit differently, hence 1e-12.
		for k := range points {
			if !close12(got.Xs[k], points[k][0]) || !close12(got.Ys[k], points[k][1]) || !close12(got.Losses[k], losses[k]) {
				t.Errorf("%s, step %d: got (%v, %v) loss %v, want (%v, %v) loss %v", name, k, got.Xs[k], got.Ys[k], got.Losses[k], points[k][0], points[k][1], losses[k])
				break
			}
		}
	}
}

func close12(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b || (math.IsNaN(a) && math.IsNaN(b))
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// The bench's race figures: the warm-up read comes once the first frames are
// drawn, the steady window is perf.Window frames all drawn after the warm-up
// seconds, and a race that ends does not keep the bench waiting, neither for
// the warm-up seconds nor for frames that will never come.
func TestBenchReadsRaceAfterWarmUp(t *testing.T) {
	tb := open(t, "problem=rastrigin&o=sgd;lion&speed=50")
	const seconds = 4.0
	first := eval[int](tb, "descent.metrics().draws") + 20
	f, err := readRace(tb.ctx, seconds, first)
	if err != nil {
		t.Fatal(err)
	}
	if f.WarmUp.Draws < first || !f.Steady() || f.Seconds < seconds {
		t.Errorf("warm-up read at %d draws (want ≥ %d); steady from %d draws at %.1f s, read at %d draws (want ≥ %g s and %d frames more)",
			f.WarmUp.Draws, first, f.SteadyFrom, f.Seconds, f.Draws, seconds, perf.Window)
	}
	if f.Running != 2 || f.DrawMs.P95 <= 0 || f.WarmUp.DrawMs.P95 <= 0 {
		t.Errorf("figures %+v: want both reads with Draw times, 2 runners running", f)
	}

	tb = open(t, "problem=ill-conditioned&o=newton&speed=200")
	if !poll(tb, `descent.state().runners.every(r => r.status !== "running")`) {
		t.Fatalf("newton still running: %+v", tb.state())
	}
	t0 := time.Now()
	if f, err = readRace(tb.ctx, 30, 1e6); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(t0); f.Running != 0 || f.Steady() || took > 20*time.Second {
		t.Errorf("a finished race: read after %v with %d running, steady %v; want at once, not steady", took, f.Running, f.Steady())
	}
}
