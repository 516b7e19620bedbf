package control

import (
	"maps"
	"strings"
	"testing"

	"descent/game/race"
	"descent/optim"
	"descent/problems"
)

// recommendedFull is what a runner of optimizer opens with on problem: the
// table's values over the optimizer's defaults.
func recommendedFull(t *testing.T, problem, optimizer string) map[string]float64 {
	t.Helper()
	spec, _ := optim.Lookup(optimizer)
	full := spec.Defaults()
	rec, ok := problems.Recommended(problem, optimizer)
	if !ok {
		t.Fatalf("no recommendation for %s on %s", optimizer, problem)
	}
	maps.Copy(full, rec)
	return full
}

// TestSetProblemAppliesTheRecommendations: choosing each built-in problem in
// the panel gives every default runner that problem's recommended parameters,
// and none of them diverges in the 1,000 steps.
func TestSetProblemAppliesTheRecommendations(t *testing.T) {
	for _, p := range problems.All() {
		t.Run(p.Name, func(t *testing.T) {
			c := New("")
			do(t, c, SetProblem{Name: p.Name})
			for i, r := range c.Race().Runners {
				if want := recommendedFull(t, p.Name, r.Optimizer); !maps.Equal(r.Params, want) {
					t.Errorf("runner %d (%s): got %v, want %v", i, r.Optimizer, r.Params, want)
				}
			}
			do(t, c, Step{N: 1000})
			for _, r := range c.Race().Runners {
				if r.Status == race.Diverged {
					t.Errorf("%s %v diverged at step %d, want no divergence in 1000 steps", r.Optimizer, r.Params, r.StatusStep)
				}
			}
		})
	}
}

// TestSetProblemKeepsHandValues: a value the learner typed survives a change of
// problem, the others follow the recommendation, and the note names the kept one.
func TestSetProblemKeepsHandValues(t *testing.T) {
	c := New("")
	do(t, c, SetParam{Runner: 0, Name: "lr", Text: "0.003"})
	c.Do(SetProblem{Name: "rosenbrock"})
	rs := c.Race().Runners
	if got := rs[0].Params["lr"]; got != 0.003 {
		t.Errorf("gd's typed α after the change: got %g, want 0.003", got)
	}
	if want := recommendedFull(t, "rosenbrock", rs[1].Optimizer); !maps.Equal(rs[1].Params, want) {
		t.Errorf("%s: got %v, want rosenbrock's recommendation %v", rs[1].Optimizer, rs[1].Params, want)
	}
	notes := strings.Join(c.Notes(), "\n")
	if !strings.Contains(notes, "recommended for rosenbrock") || !strings.Contains(notes, "lr = 0.003") {
		t.Errorf("notes %q: want them to say the recommendations apply and lr = 0.003 was kept", notes)
	}
	if h := c.Config().Hash(); !strings.Contains(h, "o=gd:lr=0.003;momentum;") {
		t.Errorf("hash %q: want only the hand value written, o=gd:lr=0.003;momentum;…", h)
	}
}

// TestLinkValuesAreByHand: a value in a link is the learner's, even one equal
// to the optimizer's default, and a link that leaves it out takes the
// recommendation; Parse(Hash) keeps both.
func TestLinkValuesAreByHand(t *testing.T) {
	spec, _ := optim.Lookup("gd")
	def := spec.Defaults()["lr"]
	rec := recommendedFull(t, "rosenbrock", "gd")["lr"]
	if def == rec {
		t.Fatalf("gd's default α %g is Rosenbrock's recommendation: the test needs them to differ", def)
	}
	c := New("problem=rosenbrock&o=gd:lr=" + text(def) + ";gd")
	rs := c.Race().Runners
	if rs[0].Params["lr"] != def || rs[1].Params["lr"] != rec {
		t.Errorf("α: got %g and %g, want the link's %g and the recommendation %g", rs[0].Params["lr"], rs[1].Params["lr"], def, rec)
	}
	again := New(c.Config().Hash())
	if h, h2 := c.Config().Hash(), again.Config().Hash(); h != h2 {
		t.Errorf("hash %q reloads as %q", h, h2)
	}
}
