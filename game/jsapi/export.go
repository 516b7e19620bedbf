package jsapi

import (
	"errors"
	"fmt"
	"strings"

	"descent/game/control"
	"descent/game/export"
	"descent/game/race"
	"descent/optim/param"
)

// PNG scales export("png", {scale}) accepts: the canvas's own pixels, or twice as many.
const (
	minPictureScale = 1
	maxPictureScale = 2
)

// Export is descent.export(format[, {scale}]): for "csv" and "json" the race's
// trajectories as text, every step recomputed (export.OfRace); for "png" the
// plain description of the picture (PictureOf), which the page turns into a
// Promise of a PNG Blob, and picture is true. Bad arguments answer {error}.
func Export(c *control.Controller, args []any) (answer any, picture bool) {
	format, scale, err := exportArgs(args)
	if err != nil {
		return Error(err), false
	}
	if format == "png" {
		return PictureOf(c.Picture(), scale), true
	}
	if n := exportRows(c.Race()); n > MaxExportRows {
		return Error(fmt.Errorf("export: the race so far is %d rows (a runner's steps until it stops, for each runner), more than the %d an export holds without freezing the page; press Reset and export sooner, or ask descent.trajectory for one runner", n, MaxExportRows)), false
	}
	rows, err := export.OfRace(c.Race())
	if err != nil {
		return Error(err), false
	}
	var b strings.Builder
	if err := export.Write(&b, format, rows); err != nil {
		return Error(err), false
	}
	return b.String(), false
}

// MaxExportRows bounds an export of trajectories: 200000 rows took 2 s to
// write in Chromium on a 2-core machine (160000 rows, 1.6 s, measured), and
// a race left running grows without end.
const MaxExportRows = 200000

// exportRows is how many rows export.OfRace makes of r: each runner's steps
// until it converged or diverged, or the race's step, and its start.
func exportRows(r *race.Race) int {
	n := 0
	for _, rn := range r.Runners {
		last := r.Step
		if rn.Status != race.Running {
			last = min(last, rn.StatusStep)
		}
		n += last + 1
	}
	return n
}

// exportArgs checks export's arguments: one of control.ExportFormats, and for
// "png" an optional {scale: 1 or 2}.
func exportArgs(args []any) (format string, scale float64, err error) {
	formats := `"` + strings.Join(control.ExportFormats(), `", "`) + `"`
	if len(args) == 0 || args[0] == nil {
		return "", 0, fmt.Errorf("export: pass a format: %s", formats)
	}
	format, ok := args[0].(string)
	known := false
	for _, f := range control.ExportFormats() {
		known = known || f == format
	}
	if !ok || !known {
		return "", 0, fmt.Errorf("export: the format must be one of %s, not %s", formats, describe(args[0]))
	}
	scale = minPictureScale
	if len(args) < 2 || args[1] == nil {
		return format, scale, nil
	}
	opts, ok := args[1].(map[string]any)
	if !ok || format != "png" {
		return "", 0, errors.New(`export: only "png" takes options, like {scale: 2}`)
	}
	for k, v := range opts {
		if k != "scale" {
			return "", 0, fmt.Errorf("export: %s is not an option of \"png\"; it takes {scale: 1 or 2}", param.Quote(k))
		}
		if scale, err = whole(v, "export: scale", minPictureScale, maxPictureScale); err != nil {
			return "", 0, err
		}
	}
	return format, scale, nil
}

// PictureOf is the picture's description as plain values, for the page's
// compositing: the canvas drawn at scale times its size, the text over it.
func PictureOf(p control.Picture, scale float64) map[string]any {
	rows := make([]any, len(p.Rows))
	for i, r := range p.Rows {
		outline := []any{}
		for _, pt := range r.Outline {
			outline = append(outline, pt[0], pt[1])
		}
		rows[i] = map[string]any{"color": r.Color, "name": r.Name, "params": r.Params, "loss": r.Loss, "status": r.Status, "outline": outline}
	}
	ticks := func(ts []control.PictureTick) []any {
		out := make([]any, len(ts))
		for i, t := range ts {
			out[i] = map[string]any{"pos": t.Pos, "label": t.Label}
		}
		return out
	}
	return map[string]any{
		"width": float64(p.W), "height": float64(p.H), "dpr": p.DPR, "scale": scale,
		"title": p.Title, "formula": p.Formula, "step": p.Step, "rows": rows,
		"xTicks": ticks(p.XTicks), "yTicks": ticks(p.YTicks),
	}
}
