package jsapi

import (
	"errors"
	"fmt"
	"math"

	"descent/assets"
	"descent/game/config"
	"descent/game/control"
	"descent/optim/param"
	"descent/problems"
)

// MaxFieldPoints bounds one fieldValues() call: each point is a draw and a
// read-back in the frame that answers.
const MaxFieldPoints = 1000

// fieldValuesUsage is what fieldValues() takes, for its messages.
const fieldValuesUsage = `pass an object like {expr: "x^2 + y", points: [[1, 2], [0.5, -3]]}`

// FieldValues checks fieldValues()'s argument, {expr, points: [[x, y], …]},
// and returns the command that has the next frame paint the formula's field
// in the shader's read-back mode at the points. answer is called once, in
// that frame, with {values, defined, points}: the GPU's float32 value at each
// point (NaN where the formula is undefined, or where the GPU's value is
// infinite or NaN), whether the shader says the formula is defined there, and
// the points as the shader saw them, rounded to float32. Or with {error}: a
// bad argument is answered at once, and the command returned does nothing.
func FieldValues(args []any, answer func(any)) control.Command {
	cmd, err := fieldValues(args, answer)
	if err != nil {
		answer(Error(err))
		return control.ReadField{}
	}
	return cmd
}

func fieldValues(args []any, answer func(any)) (control.Command, error) {
	if len(args) == 0 {
		return nil, errors.New("fieldValues: " + fieldValuesUsage)
	}
	obj, ok := args[0].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("fieldValues: %s, not %s", fieldValuesUsage, describe(args[0]))
	}
	for k := range obj {
		if k != "expr" && k != "points" {
			return nil, fmt.Errorf("fieldValues: %s is not a field of the request (known: expr, points)", param.Quote(k))
		}
	}
	src, ok := obj["expr"].(string)
	if !ok {
		return nil, fmt.Errorf("fieldValues: expr must be a formula string, not %s", describe(obj["expr"]))
	}
	p, err := problems.Custom(src)
	if err != nil {
		return nil, fmt.Errorf("fieldValues: expr: %s", config.FormulaError(src, err))
	}
	list, ok := obj["points"].([]any)
	if !ok || len(list) == 0 || len(list) > MaxFieldPoints {
		return nil, fmt.Errorf("fieldValues: points must be an array of 1 to %d [x, y] pairs, not %s", MaxFieldPoints, describe(obj["points"]))
	}
	pts := make([][2]float64, len(list))
	for i, v := range list {
		xy, ok := v.([]any)
		if ok && len(xy) == 2 {
			x, okx := xy[0].(float64)
			y, oky := xy[1].(float64)
			if okx && oky && math.Abs(x) <= math.MaxFloat32 && math.Abs(y) <= math.MaxFloat32 {
				pts[i] = [2]float64{float64(float32(x)), float64(float32(y))}
				continue
			}
		}
		return nil, fmt.Errorf("fieldValues: points[%d] must be [x, y], two finite numbers, not %s", i, describe(v))
	}
	done := func(px []byte, err error) {
		if err != nil {
			answer(Error(fmt.Errorf("fieldValues: %w", err)))
			return
		}
		answer(decodeField(px, pts))
	}
	return control.ReadField{Problem: p, Points: pts, Done: done}, nil
}

// decodeField is fieldValues()'s answer from the read-back pixels of pts.
func decodeField(px []byte, pts [][2]float64) map[string]any {
	n := 4 * assets.RawPixels
	if len(px) != n*len(pts) {
		return Error(fmt.Errorf("fieldValues: %d bytes read back for %d points, want %d", len(px), len(pts), n*len(pts)))
	}
	values, defined, points := make([]any, len(pts)), make([]any, len(pts)), make([]any, len(pts))
	for i := range pts {
		v, def, err := assets.DecodeRaw(px[n*i : n*i+n])
		if err != nil {
			return Error(fmt.Errorf("fieldValues: point %d: %w", i, err))
		}
		values[i], defined[i], points[i] = float64(v), def, pair(pts[i])
		if !def {
			values[i] = math.NaN()
		}
	}
	return map[string]any{"values": values, "defined": defined, "points": points}
}
