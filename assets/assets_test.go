package assets

import (
	"strings"
	"testing"
)

func TestFieldShaderFillsBothMarkers(t *testing.T) {
	src := string(FieldShader("func helper(a float) float {\n\treturn a\n}", "return helper(x*y), 1.0"))
	for _, want := range []string{"func helper(a float) float", "return helper(x*y), 1.0", "func Fragment("} {
		if !strings.Contains(src, want) {
			t.Errorf("shader source lacks %q", want)
		}
	}
	if strings.Contains(src, "//descent:") {
		t.Errorf("a marker was left in the shader source")
	}
}
