package control

import (
	"descent/assets"
	"descent/game/view"
)

// Uniforms fills u with the field shader's uniforms for f (see
// assets/field.kage): the view's centre and scale, the level scale and the
// formula's numbers consts, written into cs
// (assets.MaxConsts long; the rest zero). u and cs are reused from frame to frame.
func (f *Field) Uniforms(u map[string]any, cs []float32, consts []float64) {
	lv, log := f.Levels, float32(0)
	if lv.Log {
		log = 1
	}
	clear(cs)
	for i, c := range consts[:min(len(consts), len(cs))] {
		cs[i] = float32(c)
	}
	u["Center"] = []float32{float32(f.Geo.CX), float32(f.Geo.CY)}
	u["Scale"], u["Log"], u["FMin"], u["Eps"] = float32(f.Geo.Scale), log, float32(lv.FMin), float32(lv.Eps)
	u["LMin"], u["LMax"], u["Step"] = float32(lv.LMin), float32(lv.LMax), float32(lv.Step)
	u["PaletteSize"], u["Consts"] = float32(view.PaletteSize), cs
}

// ShaderBody is the Kage body of f's formula and the numbers it reads from
// Consts: one body per shape of formula, whatever its parameters.
func (f *Field) ShaderBody() (string, []float64) {
	return f.Problem.Expr.KageUniform(assets.MaxConsts)
}
