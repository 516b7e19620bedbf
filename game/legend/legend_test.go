package legend

import (
	"strconv"
	"strings"
	"testing"

	"descent/game/race"
	"descent/game/reference"
	"descent/optim"
	"descent/problems"
)

func TestMakeDescribesEveryRunner(t *testing.T) {
	p, _ := problems.Lookup("ill-conditioned")
	// GD at α = 0.11 > 2/λmax = 0.1 diverges on this problem; Adam does not.
	r, err := race.New(p, p.Start, []race.Entry{
		{Optimizer: "gd", Params: map[string]float64{"lr": 0.11}},
		{Optimizer: "adam"},
	}, 16)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(400)
	var l Legend
	Make(&l, p, r, true, nil)
	if l.Title != p.Title || l.Formula != "f(x, y) = a1*x^2 + a2*y^2   with a₁ = 0.1, a₂ = 10" || l.StepText() != "step "+strconv.Itoa(r.Step) || !l.Paused {
		t.Errorf("header %q %q %q %v", l.Title, l.Formula, l.StepText(), l.Paused)
	}
	if len(l.Rows) != 2 {
		t.Fatalf("%d rows, want 2", len(l.Rows))
	}
	gd := l.Rows[0]
	want := "diverged at step " + strconv.Itoa(r.Runners[0].StatusStep)
	if gd.Name != "Gradient descent" || gd.Params != "α=0.11" || gd.StatusText() != want || gd.State != race.Diverged {
		t.Errorf("gd row %+v, want Gradient descent, α=0.11, %q", gd, want)
	}
	if gd.Color == l.Rows[1].Color {
		t.Errorf("two runners share the colour %s", gd.Color)
	}
	if l.Rows[1].StatusText() == "" || l.Rows[1].State == race.Diverged {
		t.Errorf("adam row %+v", l.Rows[1])
	}
	// Make reuses the rows.
	before := &l.Rows[0]
	Make(&l, p, r, false, nil)
	if &l.Rows[0] != before {
		t.Errorf("Make reallocated the rows")
	}
}

func TestParamsAndLoss(t *testing.T) {
	spec, _ := optim.Lookup("adam")
	if got := Params(spec, spec.Defaults()); got != "α=0.1 β₁=0.9 β₂=0.999" {
		t.Errorf("Params(adam defaults) = %q", got)
	}
	got := Params(spec, map[string]float64{"lr": 0.05, "eps": 1e-4})
	if got != "α=0.05 ε=0.0001" {
		t.Errorf("Params with ε set = %q", got)
	}
	for _, c := range []struct {
		v    float64
		want string
	}{{0, "0.0000"}, {1.5, "1.5000"}, {3.2e-6, "3.200e-06"}, {2.5e7, "2.500e+07"}, {-0.25, "-0.2500"}} {
		if got := Loss(c.v); got != c.want {
			t.Errorf("Loss(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestReferenceRow(t *testing.T) {
	p, _ := problems.Lookup("rosenbrock")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "adam"}}, 16)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := reference.LBFGS(p, p.Start, 500)
	if err != nil {
		t.Fatal(err)
	}
	var l Legend
	r.Advance(2)
	Make(&l, p, r, false, &ref)
	refRow := l.Rows[len(l.Rows)-1]
	if !refRow.Reference || refRow.Name != ReferenceName || !strings.Contains(refRow.StatusText(), "iteration 2,") {
		t.Errorf("reference row at step 2: %+v", refRow)
	}
	if want := Loss(ref.Losses[2]); refRow.LossText() != want {
		t.Errorf("reference loss %s, want %s", refRow.LossText(), want)
	}
	r.Advance(1000)
	Make(&l, p, r, false, &ref)
	refRow = l.Rows[len(l.Rows)-1]
	if refRow.State != race.Converged || !strings.Contains(refRow.StatusText(), "done: ") {
		t.Errorf("reference row after the path ends: %+v", refRow)
	}
}

func TestGeneratedFormulasAreShownAsWritten(t *testing.T) {
	p, _ := problems.Lookup("regression")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "gd"}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	var l Legend
	Make(&l, p, r, false, nil)
	if !strings.HasPrefix(l.Formula, "L(w, b) = 1/n·Σ(w·xᵢ + b − yᵢ)²") || !strings.Contains(l.Formula, "n = 100") {
		t.Errorf("regression's legend formula %q, want the loss as written, with its parameters", l.Formula)
	}
}

func TestDivergenceNote(t *testing.T) {
	p, _ := problems.Lookup("ill-conditioned")
	// α = 0.11 > 2/λmax = 0.1: gradient descent diverges.
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "gd", Params: map[string]float64{"lr": 0.11}}}, 4)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(1000)
	got := DivergenceNote(r.Runners[0])
	want := "Gradient descent diverged at step " + strconv.Itoa(r.Runners[0].StatusStep) + ": with α = 0.11 its steps grew"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "smaller α") {
		t.Errorf("note %q, want it to start %q and suggest a smaller α", got, want)
	}
}

// TestMakeMakesNoGarbage: once the rows are written, a frame of a running race
// allocates nothing; the page writes the changing numbers as text itself.
func TestMakeMakesNoGarbage(t *testing.T) {
	p, _ := problems.Lookup("ill-conditioned")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "gd"}, {Optimizer: "momentum"}, {Optimizer: "adagrad"}, {Optimizer: "rmsprop"}, {Optimizer: "adam"}}, 64)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := reference.LBFGS(p, p.Start, 50)
	var l Legend
	Make(&l, p, r, false, &ref)
	allocs := testing.AllocsPerRun(100, func() {
		r.Advance(1)
		Make(&l, p, r, false, &ref)
	})
	if allocs != 0 {
		t.Errorf("%v allocations a frame, want 0", allocs)
	}
	if len(l.Rows) != 6 || l.Step != r.Step {
		t.Errorf("%d rows at step %d, want 6 at %d", len(l.Rows), l.Step, r.Step)
	}
}
