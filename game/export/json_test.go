package export

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJSONNumbersAsEncodingJSON: the hand-written numbers are encoding/json's,
// byte for byte, across magnitudes, both sides of its switch to exponents, and
// subnormals; what JSON cannot hold is null.
func TestJSONNumbersAsEncodingJSON(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.999999999999999e-7, 1e-7, 1e20, 1e21, -1e21, 123456789e13,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324, 2.2250738585072014e-308, 1.5e-300, 3.14159e-10}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		v := math.Float64frombits(r.Uint64())
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			values = append(values, v)
		}
		values = append(values, (r.Float64()-0.5)*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, v := range values {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONNumber(nil, v); string(got) != string(want) {
			t.Fatalf("%v: got %s, want %s", v, got, want)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := string(appendJSONNumber(nil, v)); got != "null" {
			t.Errorf("%v: got %s, want null", v, got)
		}
	}
}

// TestJSONStringsReadBack: any string, control characters, quotes, backslashes,
// non-ASCII and invalid UTF-8 included, is written as a JSON string that reads
// back as itself (invalid bytes as U+FFFD, as encoding/json reads them).
func TestJSONStringsReadBack(t *testing.T) {
	for _, s := range []string{"", "adam", `a"b\c`, "tab\there\nnew\x00\x1f", "σ ≠ Σ – ✓ 🙂", "<script>&</script>", "bad \xff\xfe utf8", "\u2028\u2029"} {
		var got string
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Fatalf("%q: %s does not read back: %v", s, appendJSONString(nil, s), err)
		}
		// strings.Map, like a range over s, reads each invalid byte as U+FFFD.
		if want := strings.Map(func(r rune) rune { return r }, s); got != want {
			t.Errorf("%q: read back %q, want %q", s, got, want)
		}
	}
}
