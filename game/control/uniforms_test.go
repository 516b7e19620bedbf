package control

import (
	"regexp"
	"testing"

	"descent/assets"
	"descent/game/view"
	"descent/problems"
)

// TestUniforms: the shader's uniforms are the field's geometry and levels as
// float32, its formula's numbers in Consts, and they are the very uniforms the
// shader declares, no more, no fewer.
func TestUniforms(t *testing.T) {
	p, _ := problems.Lookup("quadratic")
	q, err := p.With(map[string]float64{"a1": 0.25, "a2": 3})
	if err != nil {
		t.Fatal(err)
	}
	f := Field{Problem: q, Geo: view.View{CX: 1, CY: -2, Scale: 0.01, W: 100, H: 50}, Levels: view.Levels{Log: true, FMin: 0.5, Eps: 1e-9, LMin: -3, LMax: 4, Step: 0.5}}
	body, consts := f.ShaderBody()
	body2, _ := (&Field{Problem: p}).ShaderBody()
	if body != body2 {
		t.Error("two settings of one problem have different shader bodies: a slider drag would compile a shader")
	}
	u, cs := map[string]any{}, make([]float32, assets.MaxConsts)
	cs[len(cs)-1] = 99 // left over from another formula: must be cleared
	f.Uniforms(u, cs, consts)
	c := u["Center"].([]float32)
	if c[0] != 1 || c[1] != -2 || u["Scale"] != float32(0.01) || u["Log"] != float32(1) || u["LMax"] != float32(4) {
		t.Errorf("uniforms %v", u)
	}
	declared := regexp.MustCompile(`(?m)^var (\w+) `).FindAllStringSubmatch(string(assets.FieldShader("", "return 0.0, 1.0", false)), -1)
	if len(declared) != len(u) {
		t.Errorf("the shader declares %d uniforms, Uniforms sets %d: %v", len(declared), len(u), u)
	}
	for _, d := range declared {
		if _, ok := u[d[1]]; !ok {
			t.Errorf("the shader's uniform %s is not set", d[1])
		}
	}
	found := map[float32]bool{}
	for _, v := range cs {
		found[v] = true
	}
	if !found[0.25] || !found[3] || cs[len(cs)-1] != 0 {
		t.Errorf("Consts %v, want a₁ = 0.25 and a₂ = 3 among them and the rest cleared", cs)
	}
}

// TestFieldShaderBodyIsTheFirstFieldsBody: the shader compiled ahead of the
// first frame is the one that frame's first field needs, in the race, the
// bias–variance scene and its dartboard, and with a typed formula.
func TestFieldShaderBodyIsTheFirstFieldsBody(t *testing.T) {
	for _, hash := range []string{"", "problem=rosenbrock", "expr=sin(x)*y", "layout=grid&o=gd;adam",
		"scene=bias-variance", "scene=bias-variance&dartboard=1"} {
		c := New(hash)
		c.Do(Resize{Screen: testScreen})
		f := c.Frame()
		want := ""
		for _, v := range f.Views {
			if v.Field != nil {
				want, _ = v.Field.ShaderBody()
				break
			}
		}
		if want == "" {
			t.Errorf("#%s: the first frame paints no field", hash)
		}
		if got := c.FieldShaderBody(); got != want {
			t.Errorf("#%s: FieldShaderBody is\n%s\nbut the first field's body is\n%s", hash, got, want)
		}
	}
}
