package assets

import (
	"strings"
	"testing"
)

func TestFieldShaderFillsBothMarkers(t *testing.T) {
	for _, readback := range []bool{false, true} {
		src := string(FieldShader("func helper(a float) float {\n\treturn a\n}", "return helper(x*y), 1.0", readback))
		for _, want := range []string{"func helper(a float) float", "return helper(x*y), 1.0", "func fieldAt("} {
			if !strings.Contains(src, want) {
				t.Errorf("readback %v: shader source lacks %q", readback, want)
			}
		}
		if n := strings.Count(src, "func Fragment("); n != 1 {
			t.Errorf("readback %v: %d Fragment functions, want 1", readback, n)
		}
		// Each shader carries its own section only.
		if has := strings.Contains(src, "func rawPixel("); has != readback {
			t.Errorf("readback %v: rawPixel present: %v", readback, has)
		}
		if has := strings.Contains(src, "fwidth("); has == readback {
			t.Errorf("readback %v: the isolines present: %v", readback, has)
		}
		if strings.Contains(src, "//descent:") {
			t.Errorf("readback %v: a marker was left in the shader source", readback)
		}
	}
}
