package jsapi

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"descent/game/control"
)

// TestExportIsTrajectoryOfEachRunner: every runner's rows in export("csv")
// and export("json") are, to the last bit, what trajectory() computes for it
// alone from the same start with the same seed.
func TestExportIsTrajectoryOfEachRunner(t *testing.T) {
	const steps = 50
	c := control.New("problem=ill-conditioned&o=sgd;gd:lr=0.05;adam&seed=7&paused=1")
	c.Do(control.Step{N: steps})
	csvText, png := Export(c, []any{"csv"})
	if png {
		t.Fatal(`Export("csv") answered a picture`)
	}
	recs, err := csv.NewReader(strings.NewReader(csvText.(string))).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v in %q", err, csvText)
	}
	jsonText, _ := Export(c, []any{"json"})
	var js []map[string]any
	if err := json.Unmarshal([]byte(jsonText.(string)), &js); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(js) != len(recs)-1 {
		t.Fatalf("json has %d rows, csv %d", len(js), len(recs)-1)
	}
	st := c.State()
	for i, r := range st.Runners {
		spec, err := DecodeTrajectory([]any{map[string]any{
			"problem": "ill-conditioned", "optimizer": r.Optimizer, "params": floats(r.Params),
			"start": pair(st.Start), "steps": float64(steps), "seed": 7.0,
		}})
		if err != nil {
			t.Fatal(err)
		}
		tr, err := Run(spec)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for j, rec := range recs[1:] {
			if rec[0] != strconv.Itoa(i) {
				continue
			}
			x, _ := strconv.ParseFloat(rec[3], 64)
			y, _ := strconv.ParseFloat(rec[4], 64)
			if k >= len(tr.Xs) || x != tr.Xs[k] || y != tr.Ys[k] {
				t.Fatalf("%s step %d: csv (%v, %v), trajectory() has %d points", r.Optimizer, k, x, y, len(tr.Xs))
			}
			if jx, jy := js[j]["x"].(float64), js[j]["y"].(float64); jx != x || jy != y {
				t.Errorf("%s step %d: json (%v, %v), csv (%v, %v)", r.Optimizer, k, jx, jy, x, y)
			}
			k++
		}
		if k != len(tr.Xs) {
			t.Errorf("%s: %d rows, trajectory() has %d points", r.Optimizer, k, len(tr.Xs))
		}
	}
}

func TestExportRefusesBadArguments(t *testing.T) {
	c := control.New("")
	for _, c2 := range []struct {
		args []any
		want string
	}{
		{nil, `pass a format: "csv", "json", "png"`},
		{[]any{"gif"}, `not the string "gif"`},
		{[]any{3.0}, "not 3"},
		{[]any{"csv", map[string]any{"scale": 2.0}}, `only "png" takes options`},
		{[]any{"png", map[string]any{"scale": 3.0}}, "scale must be a whole number from 1 to 2, not 3"},
		{[]any{"png", map[string]any{"dpi": 300.0}}, `"dpi" is not an option`},
		{[]any{"png", "big"}, `only "png" takes options`},
	} {
		got, png := Export(c, c2.args)
		m, ok := got.(map[string]any)
		if png || !ok || !strings.Contains(m["error"].(string), c2.want) {
			t.Errorf("Export(%v) = %v, want an error containing %q", c2.args, got, c2.want)
		}
	}
}

func TestExportPNGDescribesThePicture(t *testing.T) {
	c := control.New("problem=rosenbrock&o=adam;gd")
	c.Do(control.Resize{Screen: control.Screen{W: 800, H: 600, DPR: 2}})
	got, png := Export(c, []any{"png", map[string]any{"scale": 2.0}})
	p, ok := got.(map[string]any)
	if !png || !ok {
		t.Fatalf(`Export("png") = %v, want a picture`, got)
	}
	if p["scale"] != 2.0 || p["width"] != 800.0 || p["height"] != 600.0 {
		t.Errorf("scale %v, size %v×%v, want 2 and the screen's 800×600", p["scale"], p["width"], p["height"])
	}
	rows := p["rows"].([]any)
	if len(rows) != 2 || rows[0].(map[string]any)["name"] != "Adam" {
		t.Errorf("rows %v, want Adam's and gradient descent's", rows)
	}
	if o := rows[1].(map[string]any)["outline"].([]any); len(o) == 0 || len(o)%2 != 0 {
		t.Errorf("the second runner's outline %v, want its shape's corners as x, y pairs", o)
	}
}

// TestExportRefusesARaceTooLongToWrite: two runners that neither converge
// nor diverge (α = 1e-4 on Rosenbrock's valley crawls) past MaxExportRows/2
// steps make more rows than an export holds.
func TestExportRefusesARaceTooLongToWrite(t *testing.T) {
	c := control.New("problem=rosenbrock&o=gd:lr=0.0001;gd:lr=0.0001&paused=1")
	for range 2 { // one step call takes at most control.MaxRunnerStepsAtOnce runner-steps
		c.Do(control.Step{N: MaxExportRows / 4})
	}
	if rows := exportRows(c.Race()); rows <= MaxExportRows {
		t.Fatalf("%d rows, want more than %d for this test", rows, MaxExportRows)
	}
	got, _ := Export(c, []any{"csv"})
	if m, ok := got.(map[string]any); !ok || !strings.Contains(m["error"].(string), "press Reset") {
		t.Errorf("Export of %d rows = %.80v…, want an error saying what to do", exportRows(c.Race()), got)
	}
	c.Do(control.Reset{})
	c.Do(control.Step{N: 10})
	if got, _ := Export(c, []any{"csv"}); strings.Count(got.(string), "\n") != 1+2*11 {
		t.Errorf("after Reset and 10 steps: %d lines, want a header and 22 rows", strings.Count(got.(string), "\n"))
	}
}
