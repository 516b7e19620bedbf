package jsapi

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"

	"descent/assets"
	"descent/game/control"
)

// TestFieldValuesRefusesBadRequests: each bad argument is answered with an
// error naming what is wrong, and the command returned reads nothing.
func TestFieldValuesRefusesBadRequests(t *testing.T) {
	many := make([]any, MaxFieldPoints+1)
	for i := range many {
		many[i] = []any{0.0, 0.0}
	}
	for _, c := range []struct {
		args []any
		want string
	}{
		{nil, "pass an object"},
		{[]any{"x"}, "not the string"},
		{[]any{map[string]any{"expr": "x", "points": []any{[]any{0.0, 0.0}}, "seed": 1.0}}, `"seed" is not a field`},
		{[]any{map[string]any{"points": []any{[]any{0.0, 0.0}}}}, "expr must be a formula string"},
		{[]any{map[string]any{"expr": "log(", "points": []any{[]any{0.0, 0.0}}}}, "expr:"},
		{[]any{map[string]any{"expr": "x"}}, "points must be an array"},
		{[]any{map[string]any{"expr": "x", "points": []any{}}}, "points must be an array"},
		{[]any{map[string]any{"expr": "x", "points": many}}, "1 to 1000"},
		{[]any{map[string]any{"expr": "x", "points": []any{[]any{0.0, 0.0}, []any{1.0}}}}, "points[1] must be [x, y]"},
		{[]any{map[string]any{"expr": "x", "points": []any{[]any{0.0, "a"}}}}, "points[0]"},
		{[]any{map[string]any{"expr": "x", "points": []any{[]any{1e39, 0.0}}}}, "points[0]"},
		{[]any{map[string]any{"expr": "x", "points": []any{[]any{math.NaN(), 0.0}}}}, "points[0]"},
	} {
		var answer any
		cmd := FieldValues(c.args, func(v any) { answer = v })
		m, _ := answer.(map[string]any)
		msg, _ := m["error"].(string)
		if !strings.Contains(msg, c.want) {
			t.Errorf("FieldValues(%v) answered %v, want an error containing %q", c.args, answer, c.want)
		}
		if r, ok := cmd.(control.ReadField); !ok || r.Done != nil {
			t.Errorf("FieldValues(%v) returned %#v, want a ReadField that does nothing", c.args, cmd)
		}
	}
}

// raw encodes v as the shader does for a normal float32 (see assets.DecodeRaw).
func raw(v float32) []byte {
	b := math.Float32bits(v)
	px := make([]byte, 8)
	binary.BigEndian.PutUint32(px, b<<9>>9|b>>31<<23) // sign and mantissa in bytes 1..3
	copy(px, px[1:4])
	px[3], px[4], px[5], px[6], px[7] = 255, byte(b>>23), 1, 0, 255
	return px
}

// TestFieldValuesAnswersDecodedPixels: the command reads the points rounded to
// float32, and the answer decodes each point's pixels in order.
func TestFieldValuesAnswersDecodedPixels(t *testing.T) {
	var answer any
	cmd := FieldValues([]any{map[string]any{"expr": "x + y", "points": []any{[]any{0.1, 2.0}, []any{-3.0, 0.5}}}}, func(v any) { answer = v })
	r, ok := cmd.(control.ReadField)
	if !ok || r.Problem == nil || len(r.Points) != 2 {
		t.Fatalf("FieldValues returned %#v, want a ReadField of two points", cmd)
	}
	if r.Points[0] != [2]float64{float64(float32(0.1)), 2} {
		t.Errorf("point 0 is %v, want 0.1 rounded to float32, 2", r.Points[0])
	}
	undefined := []byte{0, 0, 0, 255, 0, 0, 0, 255}
	r.Done(append(raw(2.5), undefined...), nil)
	m, _ := answer.(map[string]any)
	values, _ := m["values"].([]any)
	defined, _ := m["defined"].([]any)
	if len(values) != 2 || values[0] != 2.5 || !math.IsNaN(values[1].(float64)) || defined[0] != true || defined[1] != false {
		t.Errorf("answer %v, want values [2.5 NaN], defined [true false]", answer)
	}
	r.Done(make([]byte, 4*assets.RawPixels*2), nil) // the shader did not run: zeros
	if m, _ := answer.(map[string]any); m["error"] == nil {
		t.Errorf("pixels that are no encoding answered %v, want an error", answer)
	}
}
