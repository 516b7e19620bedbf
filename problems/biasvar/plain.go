package biasvar

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"descent/optim/param"
	"descent/problems"
)

// The JS API's side of the engine: a spec read from plain values and a result
// written as plain values, the float64s, strings, []any, map[string]any and
// nils that a JS object converts to (descent.biasVariance, state().biasVariance).
// Not JSON: encoding/json was 451 kB of main.wasm, which every
// visitor downloads and compiles.

// specFields are the keys of a spec, as descent.biasVariance takes it.
var specFields = []string{"X", "design", "n", "theta", "sigma", "lambda", "x0", "trials", "seed"}

// Plain is s as plain values, as SpecOf reads them back: its design by name
// (and X when given), n, theta, sigma, lambda, x0, trials and seed.
func (s Spec) Plain() map[string]any {
	out := map[string]any{"n": float64(s.N), "theta": plainPair(s.Theta), "sigma": s.Sigma,
		"lambda": s.Lambda, "x0": plainPair(s.X0), "trials": float64(s.Trials), "seed": float64(s.Seed)}
	if s.X == nil {
		out["design"] = s.Design.String()
	} else { // X is the design
		rows := make([]any, len(s.X))
		for i, r := range s.X {
			rows[i] = plainPair(r)
		}
		out["X"] = rows
	}
	return out
}

// SpecOf reads a spec given as plain values, {X: [[x11, x12], …], design, n,
// theta: [a, b], sigma, lambda, x0: [a, b], trials, seed}, over Default: a
// missing key, or null, keeps the default. X, when given, is the design and
// design and n may not disagree with it. A value of the wrong shape or kind, an
// unknown key, or a spec that fails Check is an error naming the field.
func SpecOf(v any) (Spec, error) {
	fields, ok := v.(map[string]any)
	if !ok {
		return Spec{}, fmt.Errorf("biasvar: spec is %s, want an object", show(v))
	}
	s := Default()
	for _, key := range slices.Sorted(maps.Keys(fields)) { // the same error every time
		v := fields[key]
		if v == nil {
			continue
		}
		var err error
		switch key {
		case "X":
			err = readRows(v, &s.X)
		case "design":
			if name, ok := v.(string); ok {
				s.Design, err = problems.ParseDesign(name)
			} else {
				err = fmt.Errorf("got %s, want a name: %s", show(v), strings.Join(problems.DesignNames(), ", "))
			}
		case "n":
			s.N, err = readInt(v)
		case "theta":
			err = readPair(v, &s.Theta)
		case "x0":
			err = readPair(v, &s.X0)
		case "sigma":
			s.Sigma, err = readNumber(v)
		case "lambda":
			s.Lambda, err = readNumber(v)
		case "trials":
			s.Trials, err = readInt(v)
		case "seed":
			var seed int
			if seed, err = readInt(v); err == nil {
				if seed < 0 {
					err = fmt.Errorf("%d is negative", seed)
				}
				s.Seed = uint64(seed)
			}
		default:
			return Spec{}, fmt.Errorf("biasvar: unknown field %s (known: %s)", param.Quote(key), strings.Join(specFields, ", "))
		}
		if err != nil {
			return Spec{}, fmt.Errorf("biasvar: %s: %w", key, err)
		}
	}
	if s.X != nil {
		if fields["design"] != nil {
			return Spec{}, fmt.Errorf("biasvar: design and X both given: X is the design")
		}
		if fields["n"] != nil && s.N != len(s.X) {
			return Spec{}, fmt.Errorf("biasvar: n = %d but X has %d rows", s.N, len(s.X))
		}
		s.N = len(s.X)
	}
	return s, s.Check()
}

// readNumber reads a finite number.
func readNumber(v any) (float64, error) {
	f, ok := v.(float64)
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("got %s, want a number", show(v))
	}
	return f, nil
}

// readInt reads a whole number.
func readInt(v any) (int, error) {
	f, err := readNumber(v)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("%v is not a whole number", f)
	}
	return int(f), nil
}

// readPair reads [a, b].
func readPair(v any, dst *[2]float64) error {
	xs, ok := v.([]any)
	if ok && len(xs) == 2 {
		a, errA := readNumber(xs[0])
		b, errB := readNumber(xs[1])
		if errA == nil && errB == nil {
			*dst = [2]float64{a, b}
			return nil
		}
	}
	return fmt.Errorf("got %s, want two numbers [a, b]", show(v))
}

// readRows reads [[x11, x12], …].
func readRows(v any, dst *[][2]float64) error {
	rows, ok := v.([]any)
	if !ok {
		return fmt.Errorf("got %s, want rows [[x11, x12], …]", show(v))
	}
	x := make([][2]float64, len(rows))
	for i, r := range rows {
		if err := readPair(r, &x[i]); err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	*dst = x
	return nil
}

// show writes a plain value for a message, as a script would have written it:
// numbers, quoted strings, arrays of them (the first few); anything else by
// its kind, or as it describes itself (a Stringer: the JS API's stand-in for
// a function, say).
func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case float64:
		return param.Number(v)
	case string:
		return param.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		const most = 4
		parts := make([]string, 0, most+1)
		for i, e := range v {
			if i == most {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, show(e))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return "an object"
	case fmt.Stringer:
		return v.String()
	}
	return "a value of another kind"
}

// Plain is the result as plain values, {theory, sample, curve, best} (the darts
// are left out): descent.biasVariance's answer.
func (r Result) Plain() map[string]any {
	return map[string]any{"theory": r.Theory.Plain(), "sample": r.Sample.Plain(), "curve": PlainCurve(r.Curve), "best": r.Best.Plain()}
}

// Plain is t as plain values, keyed as its fields are named.
func (t Theory) Plain() map[string]any {
	return map[string]any{"mean": plainPair(t.Mean), "bias": plainPair(t.Bias), "cov": plainMatrix(t.Cov),
		"predBias": plainNumber(t.PredBias), "predVariance": plainNumber(t.PredVariance), "noise": plainNumber(t.Noise), "mse": plainNumber(t.MSE)}
}

// Plain is s as plain values, keyed as its fields are named.
func (s Sample) Plain() map[string]any {
	return map[string]any{"mean": plainPair(s.Mean), "cov": plainMatrix(s.Cov), "predBias": plainNumber(s.PredBias),
		"predVariance": plainNumber(s.PredVariance), "mse": plainNumber(s.MSE), "trials": float64(s.Trials)}
}

// Plain is b as plain values; an infinite λ is null.
func (b Best) Plain() map[string]any {
	return map[string]any{"lambda": plainNumber(b.Lambda), "mse": plainNumber(b.MSE)}
}

// PlainCurve is the curve as plain values, a {lambda, bias2, variance, noise,
// mse} per point; null when there is none.
func PlainCurve(c []CurvePoint) any {
	if c == nil {
		return nil
	}
	out := make([]any, len(c))
	for i, p := range c {
		out[i] = map[string]any{"lambda": plainNumber(p.Lambda), "bias2": plainNumber(p.Bias2), "variance": plainNumber(p.Variance),
			"noise": plainNumber(p.Noise), "mse": plainNumber(p.MSE)}
	}
	return out
}

// plainNumber is v, or nil where v is not finite: a JS answer must survive
// JSON.stringify, which writes NaN and ±Infinity as null anyway.
func plainNumber(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func plainPair(p [2]float64) []any { return []any{plainNumber(p[0]), plainNumber(p[1])} }

func plainMatrix(m [2][2]float64) []any { return []any{plainPair(m[0]), plainPair(m[1])} }
