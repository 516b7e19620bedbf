package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"descent/game/export"
	"descent/game/race"
	"descent/problems"

	"gonum.org/v1/gonum/diff/fd"
)

// entries mixes what an export must get right: seeded noise drawn per race
// index (two identical SGD runners), a plain step, a runner that converges
// (Newton, exact on a quadratic) and, on the ill-conditioned quadratic, one that
// diverges (α = 0.4 > 2/20, the notes' Figure 2b).
var entries = []race.Entry{
	{Optimizer: "sgd", Seed: 3},
	{Optimizer: "sgd", Seed: 3},
	{Optimizer: "gd", Params: map[string]float64{"lr": 0.4}},
	{Optimizer: "newton"},
	{Optimizer: "momentum", Params: map[string]float64{"lr": 0.02, "m": 0.9}},
}

const steps = 120

func lookup(t *testing.T, name string) *problems.Problem {
	t.Helper()
	p, ok := problems.Lookup(name)
	if !ok {
		t.Fatalf("no problem %q", name)
	}
	return p
}

// parseCSV reads an export back into rows, failing the test on any malformed field.
func parseCSV(t *testing.T, text string) []export.Row {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(recs[0], ","), "runner,optimizer,step,x,y,loss,grad_x,grad_y,update_x,update_y"; got != want {
		t.Fatalf("header: got %q, want %q (the issue's)", got, want)
	}
	rows := make([]export.Row, len(recs)-1)
	for i, rec := range recs[1:] {
		num := func(j int) float64 {
			v, err := strconv.ParseFloat(rec[j], 64)
			if err != nil {
				t.Fatalf("row %d column %d: %v", i+1, j, err)
			}
			return v
		}
		runner, err1 := strconv.Atoi(rec[0])
		step, err2 := strconv.Atoi(rec[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("row %d: runner %q, step %q, want whole numbers", i+1, rec[0], rec[2])
		}
		rows[i] = export.Row{Runner: runner, Optimizer: rec[1], Step: step, X: num(3), Y: num(4), Loss: num(5),
			GradX: num(6), GradY: num(7), UpdateX: num(8), UpdateY: num(9)}
	}
	return rows
}

// parseJSON reads a JSON export back into rows.
func parseJSON(t *testing.T, text string) []export.Row {
	t.Helper()
	var raw []map[string]any
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		t.Fatal(err)
	}
	rows := make([]export.Row, len(raw))
	for i, m := range raw {
		f := func(k string) float64 {
			v, ok := m[k].(float64)
			if !ok {
				t.Fatalf("row %d: %s = %v, want a number", i, k, m[k])
			}
			return v
		}
		name, _ := m["optimizer"].(string)
		rows[i] = export.Row{Runner: int(f("runner")), Optimizer: name, Step: int(f("step")), X: f("x"), Y: f("y"), Loss: f("loss"),
			GradX: f("grad_x"), GradY: f("grad_y"), UpdateX: f("update_x"), UpdateY: f("update_y")}
	}
	return rows
}

// TestExportIsTheRun: both formats hold, for each runner, every step of the run
// bit for bit: TrajectoryEntry's points and losses for every runner it
// describes (runner 0, and any runner that draws no random numbers), the race's
// own for the rest; the exact gradient at each point; and the step that led
// there. The two identical SGD runners differ, as in the race.
func TestExportIsTheRun(t *testing.T) {
	p := lookup(t, "ill-conditioned")
	rows, err := export.Rows(p, p.Start, entries, steps)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := race.Replay(p, p.Start, entries, steps)
	for _, format := range []string{"csv", "json"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := export.Write(&b, format, rows); err != nil {
				t.Fatal(err)
			}
			got := parseJSONOrCSV(t, format, b.String())
			if len(got) != len(rows) {
				t.Fatalf("got %d rows, want %d", len(got), len(rows))
			}
			byRunner := map[int][]export.Row{}
			for i, r := range got {
				if r != rows[i] {
					t.Fatalf("row %d: got %+v, want %+v as exported", i, r, rows[i])
				}
				byRunner[r.Runner] = append(byRunner[r.Runner], r)
			}
			for i, e := range entries {
				want := paths[i]
				if i == 0 || e.Optimizer != "sgd" {
					pts, losses, _, _, err := race.TrajectoryEntry(p, e, p.Start, steps)
					if err != nil {
						t.Fatal(err)
					}
					want.Points, want.Losses = pts, losses
				}
				rs := byRunner[i]
				if len(rs) != len(want.Points) {
					t.Fatalf("runner %d (%s): got %d rows, want %d", i, e.Optimizer, len(rs), len(want.Points))
				}
				for k, r := range rs {
					if r.Step != k || r.Optimizer != e.Optimizer || r.X != want.Points[k][0] || r.Y != want.Points[k][1] || r.Loss != want.Losses[k] {
						t.Fatalf("runner %d row %d: got step %d %s (%v, %v) loss %v, want step %d %s %v loss %v",
							i, k, r.Step, r.Optimizer, r.X, r.Y, r.Loss, k, e.Optimizer, want.Points[k], want.Losses[k])
					}
					if gx, gy := p.Grad(r.X, r.Y); r.GradX != gx || r.GradY != gy {
						t.Fatalf("runner %d row %d: got grad (%v, %v), want ∇f (%v, %v)", i, k, r.GradX, r.GradY, gx, gy)
					}
					var ux, uy float64
					if k > 0 {
						ux, uy = r.X-rs[k-1].X, r.Y-rs[k-1].Y
					}
					if r.UpdateX != ux || r.UpdateY != uy {
						t.Fatalf("runner %d row %d: got update (%v, %v), want (%v, %v)", i, k, r.UpdateX, r.UpdateY, ux, uy)
					}
				}
			}
			if a, b := byRunner[0][steps], byRunner[1][steps]; a.X == b.X && a.Y == b.Y {
				t.Errorf("the two SGD runners end at the same (%v, %v), want different draws per race index", a.X, a.Y)
			}
			if n := len(byRunner[2]); n >= steps+1 {
				t.Errorf("gd at α = 0.4: got %d rows, want fewer than %d: it diverges (Figure 2b)", n, steps+1)
			}
		})
	}
}

func parseJSONOrCSV(t *testing.T, format, text string) []export.Row {
	if format == "csv" {
		return parseCSV(t, text)
	}
	return parseJSON(t, text)
}

// TestExportFollowsTheNotesFormulas: each exported update is the notes' step
// from the row before (§3.1: θ⁺ = θ − α∇L; §3.4: v = m·v + ∇L, θ⁺ = θ − α·v),
// computed by hand from the exported gradients, and the gradients agree with
// central differences (gonum diff/fd) at the points of an asymmetric path on
// Rosenbrock.
func TestExportFollowsTheNotesFormulas(t *testing.T) {
	p := lookup(t, "rosenbrock")
	const lr, m = 0.001, 0.9
	rows, err := export.Rows(p, p.Start, []race.Entry{
		{Optimizer: "gd", Params: map[string]float64{"lr": lr}},
		{Optimizer: "momentum", Params: map[string]float64{"lr": lr, "m": m}},
	}, 50)
	if err != nil {
		t.Fatal(err)
	}
	var vx, vy float64 // momentum's velocity
	var prev export.Row
	for _, r := range rows {
		if r.Step == 0 {
			vx, vy = 0, 0
			prev = r
			continue
		}
		var wx, wy float64
		switch r.Optimizer {
		case "gd":
			wx, wy = -lr*prev.GradX, -lr*prev.GradY
		case "momentum":
			vx, vy = m*vx+prev.GradX, m*vy+prev.GradY
			wx, wy = -lr*vx, -lr*vy
		}
		// The update is a difference of positions near 1, so it carries their rounding, ~1e-16.
		if math.Abs(r.UpdateX-wx) > 1e-12 || math.Abs(r.UpdateY-wy) > 1e-12 {
			t.Errorf("%s step %d: got update (%v, %v), want (%v, %v) by the notes' formula", r.Optimizer, r.Step, r.UpdateX, r.UpdateY, wx, wy)
		}
		g := fd.Gradient(nil, func(x []float64) float64 { return p.Value(x[0], x[1]) }, []float64{r.X, r.Y}, &fd.Settings{Formula: fd.Central})
		// Central differences err by about h²·f‴ ≈ 1e-6 here (gonum's default h = 1e-6, Rosenbrock's f‴ ≲ 2400 on the path), plus rounding.
		if math.Abs(g[0]-r.GradX) > 1e-4*(1+math.Abs(g[0])) || math.Abs(g[1]-r.GradY) > 1e-4*(1+math.Abs(g[1])) {
			t.Errorf("%s step %d: got grad (%v, %v), want central differences' %v", r.Optimizer, r.Step, r.GradX, r.GradY, g)
		}
		prev = r
	}
}

func TestOfRaceExportsUpToTheRacesStep(t *testing.T) {
	p := lookup(t, "booth")
	r, err := race.New(p, p.Start, []race.Entry{{Optimizer: "adam"}, {Optimizer: "sgd", Seed: 9}}, 5)
	if err != nil {
		t.Fatal(err)
	}
	r.Advance(40)
	rows, err := export.OfRace(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2*41 {
		t.Fatalf("got %d rows, want 2 runners × 41 steps (0 to 40)", len(rows))
	}
	for _, rn := range r.Runners {
		last := rows[rn.ID*41+40]
		if last.X != rn.X || last.Y != rn.Y || last.Loss != rn.Loss {
			t.Errorf("runner %d at step 40: got (%v, %v) loss %v, want the race's (%v, %v) loss %v", rn.ID, last.X, last.Y, last.Loss, rn.X, rn.Y, rn.Loss)
		}
	}
}

func TestWriteRefusesAnUnknownFormat(t *testing.T) {
	err := export.Write(&bytes.Buffer{}, "xml", nil)
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("got %v, want an error naming \"xml\"", err)
	}
}

// TestNonFiniteGradients: JSON cannot hold ±Inf or NaN, so a number that is
// not finite (a gradient at a diverged runner's last point) is null there, and
// written as Go parses it back in the CSV.
func TestNonFiniteGradients(t *testing.T) {
	rows := []export.Row{{Optimizer: "gd", GradX: math.Inf(1), GradY: math.NaN()}}
	var j, c bytes.Buffer
	if err := export.WriteJSON(&j, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j.String(), `"grad_x":null,"grad_y":null`) {
		t.Errorf("JSON: got %s, want null gradients", j.String())
	}
	if err := export.WriteCSV(&c, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.String(), ",+Inf,NaN,") {
		t.Errorf("CSV: got %s, want +Inf and NaN", c.String())
	}
}
