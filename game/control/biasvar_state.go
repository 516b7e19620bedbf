package control

import (
	"descent/problems/biasvar"
)

// SceneBoard is one parameter-space panel of the bias–variance scene as the JS API
// reports it: its experiment's figures and where it is drawn.
type SceneBoard struct {
	Spec   biasvar.Spec
	Theory biasvar.Theory
	Sample biasvar.Sample
	Fit    [2]float64 // this dataset's (trial 0's) fit, the objective's minimum
	Landed int        // darts drawn so far
	Rect   [4]float64 // the view in CSS pixels: x, y, width, height
	View   [4]float64 // the world box shown: θ₁ from, to, θ₂ from, to
}

// SceneState is the bias–variance scene: its boards (one, or the dartboard's four),
// the first board's error curve in λ and its best λ, and where the data space and
// the λ chart are drawn (CSS pixels; zero when not shown).
type SceneState struct {
	Boards []SceneBoard
	Curve  []biasvar.CurvePoint
	Best   biasvar.Best
	Data   [4]float64
	Chart  [4]float64
	// UpdateMs is how long the last change took to refit every dataset and
	// recompute the figures, the curve and the objective, in milliseconds.
	UpdateMs float64
}

// sceneState returns the scene's snapshot, nil in the race.
func (c *Controller) sceneState() *SceneState {
	bv := c.bv
	if bv == nil {
		return nil
	}
	c.sceneLayout()
	css := func(r [4]int) [4]float64 {
		d := c.screen.DPR
		return [4]float64{float64(r[0]) / d, float64(r[1]) / d, float64(r[2]) / d, float64(r[3]) / d}
	}
	st := &SceneState{Curve: append([]biasvar.CurvePoint(nil), bv.curve...), Best: bv.best,
		Data:     css([4]int{bv.data.Min.X, bv.data.Min.Y, bv.data.Dx(), bv.data.Dy()}),
		Chart:    css([4]int{bv.chart.Min.X, bv.chart.Min.Y, bv.chart.Dx(), bv.chart.Dy()}),
		UpdateMs: float64(bv.took.Microseconds()) / 1000}
	for i := range bv.boards {
		b, r := &bv.boards[i], bv.rects[i]
		x0, x1, y0, y1 := b.geo.Bounds()
		st.Boards = append(st.Boards, SceneBoard{Spec: b.spec, Theory: b.theory, Sample: b.sample, Fit: b.est[0], Landed: b.landed,
			Rect: css([4]int{r.Min.X, r.Min.Y, r.Dx(), r.Dy()}), View: [4]float64{x0, x1, y0, y1}})
	}
	return st
}
