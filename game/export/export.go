// Package export writes a race's trajectories, every step of every runner, as CSV or JSON.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"descent/game/race"
	"descent/optim/param"
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

// numbers are r's numeric columns, in Header's order after runner, optimizer and step.
func (r Row) numbers() [7]float64 {
	return [7]float64{r.X, r.Y, r.Loss, r.GradX, r.GradY, r.UpdateX, r.UpdateY}
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
		for i, v := range r.numbers() {
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
// columns, one object a line. Numbers are written in the shortest form that
// reads back as the same float64; one that is not finite (a gradient at a
// diverged runner's last point), which JSON cannot hold, is written null. It
// is written by hand, not with encoding/json: that package was 451 kB of
// main.wasm, which every visit downloads and compiles, for a few calls.
func WriteJSON(w io.Writer, rows []Row) error {
	keys := make([][]byte, len(header)) // "name": — plain ASCII, quoted the same in JSON
	for k, name := range header {
		keys[k] = append(strconv.AppendQuote(nil, name), ':')
	}
	b := []byte{'['}
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(b, '\n', '{'), keys[0]...)
		b = append(append(strconv.AppendInt(b, int64(r.Runner), 10), ','), keys[1]...)
		b = append(append(appendJSONString(b, r.Optimizer), ','), keys[2]...)
		b = strconv.AppendInt(b, int64(r.Step), 10)
		for i, v := range r.numbers() {
			b = appendJSONNumber(append(append(b, ','), keys[3+i]...), v)
		}
		b = append(b, '}')
		if len(b) > 1<<16 { // write as it goes: an export may run to megabytes
			if _, err := w.Write(b); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			b = b[:0]
		}
	}
	b = append(b, '\n', ']', '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// appendJSONNumber appends v as encoding/json writes a float64
// (param.AppendNumber), or null when v is not finite.
func appendJSONNumber(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	return param.AppendNumber(b, v)
}

// appendJSONString appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s { // ranging over a string turns invalid UTF-8 into U+FFFD
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}
