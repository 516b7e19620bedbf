// Package export writes a race's trajectories, every step of every runner, as CSV or JSON.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"descent/game/race"
)

// header is the CSV's first line: the fields of a Row, in order.
var header = []string{"runner", "optimizer", "step", "x", "y", "loss", "grad_x", "grad_y", "update_x", "update_y"}

// Header returns the CSV's column names, the fields of a Row in order.
func Header() []string { return append([]string(nil), header...) }

// Row is one runner after one step. Step 0 is the start.
type Row struct {
	Runner    int    // the runner's index in the race
	Optimizer string // registry name
	Step      int
	X, Y      float64
	Loss      float64 // f(x, y)
	// GradX, GradY are the exact gradient ∇f at (x, y): what the runner steps on
	// next, before any minibatch or noise of a stochastic optimizer.
	GradX, GradY float64
	// UpdateX, UpdateY are the step that led here, (x, y) minus the previous
	// row's; 0 at step 0 and once a runner has converged.
	UpdateX, UpdateY float64
}

// Rows recomputes the race of entries from start on s for steps steps
// (race.Replay, the deterministic run itself, not the trail kept on screen)
// and returns one row per runner and step, runner by runner, steps in order.
// A diverged runner's rows end at its last finite point. Errors are Replay's.
func Rows(s race.Surface, start [2]float64, entries []race.Entry, steps int) ([]Row, error) {
	paths, err := race.Replay(s, start, entries, steps)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var rows []Row
	for _, p := range paths {
		for k, pt := range p.Points {
			gx, gy := s.Grad(pt[0], pt[1])
			row := Row{Runner: p.Runner, Optimizer: p.Optimizer, Step: k, X: pt[0], Y: pt[1], Loss: p.Losses[k], GradX: gx, GradY: gy}
			if k > 0 {
				row.UpdateX, row.UpdateY = pt[0]-p.Points[k-1][0], pt[1]-p.Points[k-1][1]
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// OfRace is Rows for the runners of r, from its start, up to its current step.
func OfRace(r *race.Race) ([]Row, error) {
	return Rows(r.Surface, r.Start, r.Entries(), r.Step)
}

// Write writes rows in format, "csv" (WriteCSV) or "json" (WriteJSON).
func Write(w io.Writer, format string, rows []Row) error {
	switch format {
	case "csv":
		return WriteCSV(w, rows)
	case "json":
		return WriteJSON(w, rows)
	}
	return fmt.Errorf("export: unknown format %q, want \"csv\" or \"json\"", format)
}

// WriteCSV writes rows as CSV under Header. Numbers are written in the shortest
// form that reads back as the same float64; a gradient that is not finite (at a
// diverged runner's last point) is written NaN, +Inf or -Inf.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	rec := make([]string, len(header))
	for _, r := range rows {
		rec[0], rec[1], rec[2] = strconv.Itoa(r.Runner), r.Optimizer, strconv.Itoa(r.Step)
		for i, v := range []float64{r.X, r.Y, r.Loss, r.GradX, r.GradY, r.UpdateX, r.UpdateY} {
			rec[3+i] = strconv.FormatFloat(v, 'g', -1, 64)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// WriteJSON writes rows as a JSON array of objects keyed like Header's
// columns. A gradient that is not finite, which JSON cannot hold, is written
// null.
func WriteJSON(w io.Writer, rows []Row) error {
	out := make([]jsonRow, len(rows))
	for i, r := range rows {
		out[i] = jsonRow{Runner: r.Runner, Optimizer: r.Optimizer, Step: r.Step, X: r.X, Y: r.Y, Loss: r.Loss,
			GradX: number(r.GradX), GradY: number(r.GradY), UpdateX: r.UpdateX, UpdateY: r.UpdateY}
	}
	enc := json.NewEncoder(w)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// jsonRow is Row with gradients that may be null.
type jsonRow struct {
	Runner    int      `json:"runner"`
	Optimizer string   `json:"optimizer"`
	Step      int      `json:"step"`
	X         float64  `json:"x"`
	Y         float64  `json:"y"`
	Loss      float64  `json:"loss"`
	GradX     *float64 `json:"grad_x"`
	GradY     *float64 `json:"grad_y"`
	UpdateX   float64  `json:"update_x"`
	UpdateY   float64  `json:"update_y"`
}

// number returns &v, or nil for a value JSON cannot hold.
func number(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
