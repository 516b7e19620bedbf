package reference_test

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"descent/game/reference"
	"descent/problems"
)

// maxIter is far more than any built-in problem needs: the most, Rosenbrock's
// banana, takes 36 major iterations (gonum's takes 34).
const maxIter = 1000

// skipped are the built-in problems on which L-BFGS, run from the default
// start, does not end at a listed minimum, and why.
var skipped = map[string]string{
	"monkey-saddle": "no minimum: f = r³·cos 3θ falls without end, and the line search fails (an error, tested below)",
	"rastrigin":     "L-BFGS stops in the local minimum nearest the start, near (−3.98, 3.98) with f ≈ 31.8; only the global minimum is listed",
	"ackley":        "L-BFGS stops in a local dip near (−3.98, 2.98) with f ≈ 10.1; only the global minimum is listed",
}

// reached is the listed minimum each problem's path ends at, where there are
// several; a problem not named here has one listed minimum.
var reached = map[string][2]float64{
	"himmelblau":       {-2.805118086952745, 3.131312518250573},    // of four equal ones
	"goldstein-price":  {1.8, 0.2},                                 // the local minimum f = 84, not the global f = 3
	"mccormick":        {0.5 - math.Pi/3, -0.5 - math.Pi/3},        // the global one
	"three-hump-camel": {0, 0},                                     // the global one
	"six-hump-camel":   {-1.6071047529201972, -0.5686514548841314}, // a local one, f ≈ 2.10
	"styblinski-tang":  {2.746802770990837, 2.746802770990837},     // the shallowest, f ≈ −50.06
	"saddle":           {0, 1},                                     // the upper of the two
	"gaussian-wells":   {-1.9037042996435787, 0.9518523373123652},  // the shallow left well
}

func TestLBFGSReachesAListedMinimum(t *testing.T) {
	for _, p := range problems.All() {
		t.Run(p.Name, func(t *testing.T) {
			if why, ok := skipped[p.Name]; ok {
				t.Skip(why)
			}
			path, err := reference.LBFGS(p, p.Start, maxIter)
			if err != nil {
				t.Fatal(err)
			}
			checkPath(t, p, path)
			if path.Status != "GradientThreshold" {
				t.Errorf("status: got %q, want GradientThreshold", path.Status)
			}
			want, ok := reached[p.Name]
			if !ok {
				if len(p.Minima) != 1 {
					t.Fatalf("%d minima listed: say in reached which one the path ends at", len(p.Minima))
				}
				want = [2]float64{p.Minima[0].X, p.Minima[0].Y}
			}
			last := path.Points[len(path.Points)-1]
			// The gradient's components are below race.ConvergeTol = 1e-6 at the
			// end; the flattest listed minimum (Matyas', curvature 0.04) puts the
			// point within about 1e-6/0.04 = 2.5e-5 of it.
			if d := math.Hypot(last[0]-want[0], last[1]-want[1]); d > 1e-4 {
				t.Errorf("end: got %v, %.3g from the minimum %v, want within 1e-4", last, d, want)
			}
		})
	}
}

// checkPath checks what a Path promises, whatever the problem.
func checkPath(t *testing.T, p *problems.Problem, path reference.Path) {
	t.Helper()
	n := len(path.Points)
	if n == 0 || len(path.Losses) != n || len(path.Evaluations) != n {
		t.Fatalf("got %d points, %d losses, %d evaluation counts, want as many, at least 1", n, len(path.Losses), len(path.Evaluations))
	}
	if path.Points[0] != p.Start {
		t.Errorf("first point: got %v, want the start %v", path.Points[0], p.Start)
	}
	for i, pt := range path.Points {
		if want := p.Value(pt[0], pt[1]); path.Losses[i] != want {
			t.Errorf("loss %d: got %v, want f%v = %v", i, path.Losses[i], pt, want)
		}
		if i > 0 && path.Evaluations[i] <= path.Evaluations[i-1] {
			t.Errorf("evaluations %d: got %d after %d, want more at every point", i, path.Evaluations[i], path.Evaluations[i-1])
		}
	}
	if path.Evaluations[0] != 1 {
		t.Errorf("evaluations at the start: got %d, want 1", path.Evaluations[0])
	}
}

func TestLBFGSIsDeterministic(t *testing.T) {
	for _, p := range problems.All() {
		first, err1 := reference.LBFGS(p, p.Start, maxIter)
		again, err2 := reference.LBFGS(p, p.Start, maxIter)
		if !reflect.DeepEqual(first, again) || fmt.Sprint(err1) != fmt.Sprint(err2) {
			t.Errorf("%s: got %+v (%v), then %+v (%v), want equal bit for bit", p.Name, first, err1, again, err2)
		}
	}
}

func TestLBFGSIterationLimit(t *testing.T) {
	rosenbrock, _ := problems.Lookup("rosenbrock")
	for _, limit := range []int{0, 1, 5} {
		path, err := reference.LBFGS(rosenbrock, rosenbrock.Start, limit)
		if err != nil {
			t.Fatal(err)
		}
		// Rosenbrock needs 36 iterations: every limit here stops it, after
		// limit iterations, with the start that is limit + 1 points.
		if len(path.Points) != limit+1 || path.Status != "IterationLimit" {
			t.Errorf("limit %d: got %d points, status %q, want %d, IterationLimit", limit, len(path.Points), path.Status, limit+1)
		}
		checkPath(t, rosenbrock, path)
	}
}

func TestLBFGSFailureKeepsThePath(t *testing.T) {
	monkey, _ := problems.Lookup("monkey-saddle")
	path, err := reference.LBFGS(monkey, monkey.Start, maxIter)
	if err == nil {
		t.Fatalf("got %d points and no error, want the line search to fail on a surface without a minimum", len(path.Points))
	}
	checkPath(t, monkey, path)
	if path.Status != "Failure" {
		t.Errorf("status: got %q, want Failure", path.Status)
	}
}

// On Booth's quadratic, f = (x + 2y − 7)² + (2x + y − 5)², L-BFGS's first
// iteration is a short steepest-descent step, its second lands on the
// minimum (1, 3): a path of three points.
func ExampleLBFGS() {
	booth, _ := problems.Lookup("booth")
	path, err := reference.LBFGS(booth, booth.Start, 100)
	if err != nil {
		panic(err)
	}
	for i, p := range path.Points {
		fmt.Printf("(%.4f, %.4f) f = %.4f after %d evaluations\n", p[0], p[1], path.Losses[i], path.Evaluations[i])
	}
	fmt.Println(path.Status)
	// Output:
	// (-8.0000, -6.0000) f = 1458.0000 after 1 evaluations
	// (-6.5858, -4.5858) f = 1035.7948 after 3 evaluations
	// (1.0000, 3.0000) f = 0.0000 after 4 evaluations
	// GradientThreshold
}

// TestRunInPiecesIsTheWholeRun checks that a run extended a few iterations at a
// time, as the race extends it step by step, takes the very path of one call.
func TestRunInPiecesIsTheWholeRun(t *testing.T) {
	for _, p := range problems.All() {
		t.Run(p.Name, func(t *testing.T) {
			whole, wholeErr := reference.LBFGS(p, p.Start, 200)
			run := reference.Start(p, p.Start, 200)
			for pieces := 0; !run.Done(); pieces++ {
				if pieces > 1000 {
					t.Fatal("the run did not stop after 1000 pieces of 3 iterations")
				}
				run.Extend(3)
			}
			if !reflect.DeepEqual(run.Path, whole) {
				t.Errorf("in pieces: %d points, status %s; whole: %d points, status %s",
					len(run.Path.Points), run.Path.Status, len(whole.Points), whole.Status)
			}
			if (run.Err == nil) != (wholeErr == nil) {
				t.Errorf("in pieces: error %v; whole: error %v", run.Err, wholeErr)
			}
		})
	}
}
