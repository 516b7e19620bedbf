package biasvar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"descent/problems"
)

// specFields are the keys of a spec in JSON, as descent.biasVariance takes it.
var specFields = []string{"X", "design", "n", "theta", "sigma", "lambda", "x0", "trials", "seed"}

// ParseSpec reads a spec written in JSON, {X: [[x11, x12], …], design, n, theta: [a, b],
// sigma, lambda, x0: [a, b], trials, seed}, over Default: a missing key, or null,
// keeps the default. X, when given, is the design and design and n may not
// disagree with it. A value of the wrong shape or kind, an unknown key, or a spec that
// fails Check is an error naming the field.
func ParseSpec(data []byte) (Spec, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Spec{}, fmt.Errorf("biasvar: spec is not a JSON object: %w", err)
	}
	s := Default()
	for _, key := range slices.Sorted(maps.Keys(raw)) { // the same error every time
		v := raw[key]
		if bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			continue
		}
		var err error
		switch key {
		case "X":
			err = parseRows(v, &s.X)
		case "design":
			var name string
			if err = json.Unmarshal(v, &name); err == nil {
				s.Design, err = problems.ParseDesign(name)
			}
		case "n":
			s.N, err = parseInt(v)
		case "theta":
			err = parsePair(v, &s.Theta)
		case "x0":
			err = parsePair(v, &s.X0)
		case "sigma":
			err = json.Unmarshal(v, &s.Sigma)
		case "lambda":
			err = json.Unmarshal(v, &s.Lambda)
		case "trials":
			s.Trials, err = parseInt(v)
		case "seed":
			var seed int
			if seed, err = parseInt(v); err == nil {
				if seed < 0 {
					err = fmt.Errorf("%d is negative", seed)
				}
				s.Seed = uint64(seed)
			}
		default:
			return Spec{}, fmt.Errorf("biasvar: unknown field %q (known: %s)", key, strings.Join(specFields, ", "))
		}
		if err != nil {
			return Spec{}, fmt.Errorf("biasvar: %s: %w", key, err)
		}
	}
	if s.X != nil {
		if _, ok := raw["design"]; ok {
			return Spec{}, fmt.Errorf("biasvar: design and X both given: X is the design")
		}
		if _, ok := raw["n"]; ok && s.N != len(s.X) {
			return Spec{}, fmt.Errorf("biasvar: n = %d but X has %d rows", s.N, len(s.X))
		}
		s.N = len(s.X)
	}
	return s, s.Check()
}

// parseInt reads a whole number.
func parseInt(v json.RawMessage) (int, error) {
	var f float64
	if err := json.Unmarshal(v, &f); err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("%v is not a whole number", f)
	}
	return int(f), nil
}

// parsePair reads [a, b].
func parsePair(v json.RawMessage, dst *[2]float64) error {
	var xs []float64
	if err := json.Unmarshal(v, &xs); err != nil || len(xs) != 2 {
		return fmt.Errorf("got %s, want two numbers [a, b]", v)
	}
	*dst = [2]float64{xs[0], xs[1]}
	return nil
}

// parseRows reads [[x11, x12], …].
func parseRows(v json.RawMessage, dst *[][2]float64) error {
	var rows []json.RawMessage
	if err := json.Unmarshal(v, &rows); err != nil {
		return fmt.Errorf("got %s, want rows [[x11, x12], …]", v)
	}
	x := make([][2]float64, len(rows))
	for i, r := range rows {
		if err := parsePair(r, &x[i]); err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	*dst = x
	return nil
}

// ComputeJSON is descent.biasVariance: a spec in JSON (ParseSpec) in, the Result in
// JSON out, {theory, sample, curve, best} (the darts are left out).
func ComputeJSON(spec []byte) ([]byte, error) {
	s, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	r, err := Compute(s)
	if err != nil {
		return nil, err
	}
	return json.Marshal(r)
}
