package control

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"descent/game/config"
	"descent/game/legend"
	"descent/game/view"
	"descent/optim/param"
	"descent/problems"
	"descent/problems/biasvar"
)

// The bias–variance scene (scene=bias-variance): the parameter space of one or
// four experiments (Figure 1's dartboard), the data space of a line fit, and the
// error's decomposition against λ. Its numbers are package biasvar's.

// The scene's colours, one source for the frame and the panel's key.
var (
	bvDart     = color.RGBA{0x9a, 0xc8, 0xff, 0xff} // one dataset's fit θ̃ₖ
	bvTruth    = color.RGBA{0xff, 0xff, 0xff, 0xff} // the true θ and line
	bvFit      = color.RGBA{0xff, 0xc0, 0x40, 0xff} // this dataset's fit
	bvTheory   = color.RGBA{0xff, 0x70, 0x70, 0xff} // closed-form mean and ellipses, bias²
	bvSampleC  = color.RGBA{0x60, 0xe0, 0x90, 0xff} // the cloud's own mean and ellipse
	bvVariance = color.RGBA{0x70, 0xb0, 0xff, 0xff} // variance on the λ chart
	bvNoise    = color.RGBA{0xa0, 0xa0, 0xa8, 0xff} // σ² on the λ chart
	bvBundle   = color.RGBA{0x3c, 0x50, 0x6e, 0x80} // resampled fits in data space (premultiplied)
	bvBest     = color.RGBA{0xe0, 0xe0, 0x40, 0xff} // the best λ
)

// Scene layout numbers: the parameter space's share of a wide screen, the gap
// between views (CSS px), the fits drawn in the data space's bundle, and how many
// frames the darts take to land after a resample.
const (
	bvParamShare = 0.58
	bvGap        = 8
	bvCaption    = 16 // CSS px above the λ chart for its caption
	bvBundleLen  = 40
	bvLandFrames = 30
	bvEllipsePts = 64
	// bvLegendClear keeps the right column under the legend's box (CSS px), which
	// sits at the canvas's top right.
	bvLegendClear = 64
)

// board is one parameter-space panel: an experiment, its darts and its field.
type board struct {
	spec    biasvar.Spec
	sm      *biasvar.Sampler
	est     [][2]float64
	landed  int
	theory  biasvar.Theory
	sample  biasvar.Sample
	data    *problems.Dataset
	problem *problems.Problem // the dataset's objective ‖Y − Xθ‖² + λ‖θ‖², in x = θ₁, y = θ₂
	fmin    float64
	bounds  [4]float64 // the world box the panel shows, whatever its size
	geo     view.View
	levels  view.Levels
	field   Field
	stale   bool
	ell     [][2]float64
}

// bvScene is the scene's state.
type bvScene struct {
	boards []board
	curve  []biasvar.CurvePoint
	best   biasvar.Best
	rects  []image.Rectangle // the boards' views, then data space and chart when shown
	data   image.Rectangle   // data space; empty when not shown
	chart  image.Rectangle   // the λ chart; empty when not shown
	took   time.Duration     // how long the last update took: fits, figures, curve, objective

	top      float64 // the λ chart's top value (chartTop) and its label, made with the curve
	topLabel string
	axes     dataAxes // the data space's ticks
}

// dataAxes are the data space's ticks for the ranges and size they were made
// for, kept so that a steady frame allocates nothing: view.Ticks along t and
// y, and where each falls, in the view's device pixels.
type dataAxes struct {
	key [6]float64 // tmin, tmax, ymin, ymax, width, height
	ticks
}

// update makes the ticks for the ranges [tmin, tmax] × [ymin, ymax] over w × h
// device pixels, px and py placing a value, unless they are made already.
func (a *dataAxes) update(tmin, tmax, ymin, ymax, w, h, gap float64, px, py func(float64) float32) {
	key := [6]float64{tmin, tmax, ymin, ymax, w, h}
	if key == a.key && a.xl != nil {
		return
	}
	a.key, a.xl, a.yl = key, view.Ticks(tmin, tmax, w, gap), view.Ticks(ymin, ymax, h, gap)
	a.xs, a.ys = a.xs[:0], a.ys[:0]
	for _, k := range a.xl {
		a.xs = append(a.xs, px(k.Value))
	}
	for _, k := range a.yl {
		a.ys = append(a.ys, py(k.Value))
	}
}

// sceneSpecs returns the experiments cfg shows: its spec, or the dartboard's four.
func sceneSpecs(cfg config.Config) []biasvar.Spec {
	if !cfg.Dartboard {
		return []biasvar.Spec{cfg.Spec()}
	}
	var out []biasvar.Spec
	for _, p := range biasvar.Dartboard() {
		out = append(out, p.Spec)
	}
	return out
}

// updateScene builds or moves the scene to c.cfg; a spec that cannot be shown is a
// note and the previous experiment stays.
func (c *Controller) updateScene() {
	if c.cfg.Scene != config.BiasVariance {
		if c.bv != nil { // the race's views are back where the boards were: painted anew
			c.bv = nil
			c.drawer.fieldStale = true // and so the trails (drawer.retrail)
		}
		return
	}
	began := time.Now()
	specs := sceneSpecs(c.cfg)
	old := c.bv
	if old == nil || len(old.boards) != len(specs) {
		old = &bvScene{}
	}
	next := &bvScene{boards: make([]board, len(specs))}
	for i, s := range specs {
		var sm *biasvar.Sampler
		var err error
		var prev *board
		if i < len(old.boards) {
			prev = &old.boards[i]
		}
		if prev != nil {
			sm, err = prev.sm.With(s)
		} else {
			sm, err = biasvar.NewSampler(s)
		}
		if err != nil {
			if prev != nil {
				c.changeNotes = append(c.changeNotes, fmt.Sprintf("%v; kept the previous experiment", err))
				return
			}
			c.changeNotes = append(c.changeNotes, fmt.Sprintf("%v; showing the default experiment", err))
			if sm, err = biasvar.NewSampler(biasvar.Default()); err != nil {
				panic(err) // the default is checked by biasvar's tests
			}
		}
		b := &next.boards[i]
		b.spec, b.sm = sm.Spec(), sm
		if prev != nil && prev.sm != nil && len(prev.est) == sm.Trials() {
			b.est = prev.est // the same buffer; the darts move in place
			b.landed = prev.landed
			if !sameDraws(prev.spec, b.spec) {
				b.landed = 0 // fresh datasets land anew
			}
		}
		b.compute()
	}
	if c.cfg.Dartboard {
		dartboard(next.boards)
	}
	next.curve, next.best = next.boards[0].sm.Curve(), next.boards[0].sm.Best()
	next.top = next.chartTop()
	next.topLabel = strconv.FormatFloat(next.top, 'g', 3, 64)
	next.took = time.Since(began)
	c.bv = next
	c.dirty = true
}

// dartboard makes Figure 1's boards: each one the same target, rings about the true
// θ (the field ‖θ̃ − θ‖²), all on one scale so that their clouds compare: the
// furthest-reaching cloud's offset plus 2.5 spreads.
func dartboard(boards []board) {
	r := 0.0
	for i := range boards {
		t := &boards[i].theory
		r = max(r, biasvar.Offset(t.Bias)+2.5*biasvar.Spread(t.Cov))
	}
	for i := range boards {
		b := &boards[i]
		th := b.spec.Theta
		b.bounds = [4]float64{th[0] - r, th[0] + r, th[1] - r, th[1] + r}
		num := func(v float64) string { return "(" + strconv.FormatFloat(v, 'g', -1, 64) + ")" }
		p, err := problems.Custom("(x - " + num(th[0]) + ")^2 + (y - " + num(th[1]) + ")^2")
		if err != nil {
			panic("control: the dartboard's rings do not parse: " + err.Error())
		}
		p.Name, p.Title, p.Description = "dartboard", "‖θ̃ − θ‖²", "Rings about the true θ: the bullseye."
		b.problem, b.fmin = p, 0
	}
}

// sameDraws reports whether a and b draw the same datasets (biasvar's With rule).
func sameDraws(a, b biasvar.Spec) bool {
	return a.Trials == b.Trials && a.Seed == b.Seed && a.Design == b.Design && a.N == b.N
}

// compute fills the board's figures and its objective from its sampler.
func (b *board) compute() {
	s := b.spec
	b.est = b.sm.Estimates(s.Lambda, b.est)
	b.theory = b.sm.Theory(s.Lambda)
	b.sample = b.sm.Stats(b.est)
	b.data = s.Dataset()
	b.problem = objective(b.data, s.Lambda)
	b.fmin = b.problem.Value(b.est[0][0], b.est[0][1]) // trial 0 is this dataset: its fit is the minimum
	b.bounds = boardBounds(b.sm, s)
	b.stale = true
}

// objective is the dataset's ridge objective ‖Y − Xθ‖² + λ‖θ‖² as a formula in x = θ₁,
// y = θ₂: its numbers are the field shader's uniforms, so a new λ compiles nothing.
func objective(d *problems.Dataset, lambda float64) *problems.Problem {
	var g [3]float64
	var xty [2]float64
	yy := 0.0
	for i, r := range d.X {
		g[0], g[1], g[2] = g[0]+r[0]*r[0], g[1]+r[0]*r[1], g[2]+r[1]*r[1]
		xty[0], xty[1] = xty[0]+r[0]*d.Y[i], xty[1]+r[1]*d.Y[i]
		yy += d.Y[i] * d.Y[i]
	}
	num := func(v float64) string { return "(" + strconv.FormatFloat(v, 'g', -1, 64) + ")" }
	src := num(g[0]+lambda) + "*x^2 + " + num(2*g[1]) + "*x*y + " + num(g[2]+lambda) + "*y^2 + " +
		num(-2*xty[0]) + "*x + " + num(-2*xty[1]) + "*y + " + num(yy)
	p, err := problems.Custom(src)
	if err != nil {
		panic("control: the ridge objective does not parse: " + err.Error()) // numbers only
	}
	p.Name, p.Title, p.Description = "ridge objective", "‖Y − Xθ‖² + λ‖θ‖²", "This dataset's ridge objective in θ = (θ₁, θ₂)."
	return p
}

// boardBounds is the box a board shows: the truth, and the least-squares cloud to
// 3 sd (λ-independent, so that dragging λ moves the cloud, not the view), with the
// origin, where ridge pulls it, on the main board; a singular XᵀX uses λ's cloud.
func boardBounds(sm *biasvar.Sampler, s biasvar.Spec) [4]float64 {
	t := sm.Theory(0)
	if !finite2(t.Mean) || !finite2(t.Cov[0]) || !finite2(t.Cov[1]) {
		t = sm.Theory(s.Lambda)
	}
	sd0, sd1 := 3*math.Sqrt(t.Cov[0][0]), 3*math.Sqrt(t.Cov[1][1])
	b := [4]float64{
		min(s.Theta[0], t.Mean[0]-sd0, 0), max(s.Theta[0], t.Mean[0]+sd0, 0),
		min(s.Theta[1], t.Mean[1]-sd1, 0), max(s.Theta[1], t.Mean[1]+sd1, 0),
	}
	if s.Lambda > 0 { // the dartboard's penalised panels: its cloud too
		l := sm.Theory(s.Lambda)
		b[0], b[1] = min(b[0], l.Mean[0]-3*math.Sqrt(l.Cov[0][0])), max(b[1], l.Mean[0]+3*math.Sqrt(l.Cov[0][0]))
		b[2], b[3] = min(b[2], l.Mean[1]-3*math.Sqrt(l.Cov[1][1])), max(b[3], l.Mean[1]+3*math.Sqrt(l.Cov[1][1]))
	}
	for i := 0; i < 4; i += 2 { // never empty
		if !(b[i+1]-b[i] > 1e-9) {
			b[i], b[i+1] = b[i]-1, b[i+1]+1
		}
	}
	return b
}

func finite2(v [2]float64) bool {
	return !math.IsNaN(v[0]+v[1]) && !math.IsInf(v[0], 0) && !math.IsInf(v[1], 0)
}

// landing reports whether some of b's darts have yet to land.
func (b *board) landing() bool { return b.landed < len(b.est) }

// tickScene lands a few more darts.
func (c *Controller) tickScene() {
	for i := range c.bv.boards {
		b := &c.bv.boards[i]
		if b.landing() {
			b.landed = min(len(b.est), b.landed+max(1, len(b.est)/bvLandFrames))
			c.dirty = true
		}
	}
}

// landed reports whether every board's darts have landed: tickScene has
// nothing left to do.
func (bv *bvScene) landed() bool {
	for i := range bv.boards {
		if bv.boards[i].landing() {
			return false
		}
	}
	return true
}

// sceneLayout places the scene's views on the screen, in device pixels, and fits
// each board's world box into its view.
func (c *Controller) sceneLayout() {
	c.placeScene()
	for i := range c.bv.boards {
		b, r := &c.bv.boards[i], c.bv.rects[i]
		geo := view.Fit(b.bounds[0], b.bounds[1], b.bounds[2], b.bounds[3], r.Dx(), r.Dy())
		if geo != b.geo {
			b.geo, b.stale = geo, true
		}
	}
}

func (c *Controller) placeScene() {
	bv, s := c.bv, c.screen
	gap := int(bvGap * s.DPR)
	bv.rects, bv.data, bv.chart = bv.rects[:0], image.Rectangle{}, image.Rectangle{}
	if n := len(bv.boards); n > 1 {
		cols, rows := n, 1
		if s.W < 2*s.H {
			cols, rows = 2, (n+1)/2
		}
		w, h := s.W/cols, s.H/rows
		for i := range n {
			x, y := (i%cols)*w, (i/cols)*h
			bv.rects = append(bv.rects, image.Rect(x+gap/2, y+gap/2, x+w-gap/2, y+h-gap/2))
		}
		return
	}
	split := int(bvParamShare * float64(s.W))
	bv.rects = append(bv.rects, image.Rect(0, 0, split, s.H))
	right := image.Rect(split+gap, int(bvLegendClear*s.DPR), s.W-gap, s.H-gap)
	if bv.boards[0].spec.Design == problems.DesignLine && bv.boards[0].spec.X == nil {
		mid := (right.Min.Y + right.Max.Y) / 2
		bv.data = image.Rect(right.Min.X, right.Min.Y, right.Max.X, mid-gap/2)
		right.Min.Y = mid + gap/2
	}
	right.Min.Y += int(bvCaption * s.DPR)
	bv.chart = right
}

// sceneFrame fills the frame with the scene's views.
func (c *Controller) sceneFrame(f *Frame) {
	bv := c.bv
	c.sceneLayout()
	f.Legend = legend.Legend{Title: "Bias and variance", Formula: "θ̃ = (XᵀX + λI)⁻¹XᵀY", Step: legend.NoStep,
		Rows: f.Legend.Rows[:0], Labels: f.Legend.Labels[:0]}
	for i := range bv.boards {
		c.boardFrame(f.next(FieldView, bv.rects[i]), &bv.boards[i])
	}
	if !bv.data.Empty() {
		c.dataFrame(f.next(ChartView, bv.data), &bv.boards[0])
	}
	if !bv.chart.Empty() {
		c.lambdaFrame(f.next(ChartView, bv.chart))
	}
	c.axisLabels(f)
	c.dataLabels(f)
	c.lambdaLabels(f)
}

// dataCaption is what the data space plots.
const dataCaption = "the data: y against t"

// dataLabels are the data space's numbers, t along its bottom and y up its
// left, as the field views' are, and its caption above it.
func (c *Controller) dataLabels(f *Frame) {
	bv := c.bv
	if bv.data.Empty() {
		return
	}
	c.tickLabels(f, bv.data, &bv.axes.ticks)
	x0, y0 := float64(bv.data.Min.X)/c.screen.DPR, float64(bv.data.Min.Y)/c.screen.DPR
	f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: x0 + 3, Y: y0 - 3, Text: dataCaption, Class: legend.ChartCaptionClass})
}

// lambdaCaption is what the λ chart plots.
const lambdaCaption = "expected error against λ, log axis"

// decadeLabels are λ's decades as the λ chart writes them, from 10⁻⁹ to 10⁹.
var decadeLabels = func() (out [19]string) {
	for i := range out {
		out[i] = strconv.FormatFloat(math.Pow10(i-9), 'f', max(0, 9-i), 64)
		if i < 9-3 || i > 9+3 {
			out[i] = legend.Decade(i - 9)
		}
	}
	return out
}()

// lambdaLabels are the λ chart's numbers: λ's decades along its bottom, the
// expected error at its top, and its caption above it.
func (c *Controller) lambdaLabels(f *Frame) {
	bv := c.bv
	if bv.chart.Empty() {
		return
	}
	dpr := c.screen.DPR
	x0, y0 := float64(bv.chart.Min.X)/dpr, float64(bv.chart.Min.Y)/dpr
	w, x1, y1 := float64(bv.chart.Dx()), float64(bv.chart.Max.X)/dpr, float64(bv.chart.Max.Y)/dpr
	lo, hi := bv.lambdaRange()
	for dec := math.Ceil(lo); dec <= math.Floor(hi); dec++ {
		x := x0 + bv.lambdaX(math.Pow(10, dec), w)/dpr
		if k := int(dec) + 9; k >= 0 && k < len(decadeLabels) && x > x0+labelClear && x < x1-labelClear {
			f.Legend.Labels = append(f.Legend.Labels, legend.Label{X: x, Y: y1 - 2, Text: decadeLabels[k], Class: legend.XTickClass})
		}
	}
	f.Legend.Labels = append(f.Legend.Labels,
		legend.Label{X: x0 + 3, Y: y0 + 8, Text: bv.topLabel, Class: legend.YTickClass},
		legend.Label{X: x0 + 3, Y: y0 - 3, Text: lambdaCaption, Class: legend.ChartCaptionClass})
}

// boardFrame draws one parameter space: the objective's field, the darts, the
// ellipses (closed form at 1 and 2 sd, the cloud's own at 1 sd), the bias arrow
// from θ to E[θ̃], the truth and this dataset's fit.
func (c *Controller) boardFrame(v *View, b *board) {
	geo := b.geo
	if b.stale {
		b.levels = view.SampleLevels(geo, b.problem.Value, b.fmin, true)
	}
	b.field = Field{Problem: b.problem, Geo: b.geo, Levels: b.levels, Stale: b.stale}
	v.Field = &b.field
	b.stale = false
	c.tickMarks(v, c.ticksFor(geo))
	dpr := float32(c.screen.DPR)
	darts := v.add(Markers, bvDart, 0)
	darts.Sprite = view.DotSprite
	for _, e := range b.est[:b.landed] {
		x, y := geo.ToScreen(e[0], e[1])
		darts.Pts = append(darts.Pts, float32(x), float32(y))
	}
	for _, k := range [2]float64{1, 2} {
		b.ellipse(v, b.theory.Mean, b.theory.Cov, k, bvTheory, (2.5-0.5*float32(k))*dpr)
	}
	b.ellipse(v, b.sample.Mean, b.sample.Cov, 1, bvSampleC, 1.5*dpr)
	// The bias: an arrow from θ to E[θ̃].
	tx, ty := geo.ToScreen(b.spec.Theta[0], b.spec.Theta[1])
	mx, my := geo.ToScreen(b.theory.Mean[0], b.theory.Mean[1])
	arrow := v.add(Polyline, bvTheory, 2*dpr)
	arrow.Pts = append(arrow.Pts, float32(tx), float32(ty), float32(mx), float32(my))
	if d := math.Hypot(mx-tx, my-ty); d > 6 {
		ux, uy, hl := (mx-tx)/d, (my-ty)/d, math.Min(10*float64(dpr), d/2)
		head := v.add(Polyline, bvTheory, 2*dpr)
		head.Pts = append(head.Pts, float32(mx-hl*(ux+0.5*uy)), float32(my-hl*(uy-0.5*ux)), float32(mx), float32(my),
			float32(mx-hl*(ux-0.5*uy)), float32(my-hl*(uy+0.5*ux)))
	}
	sx, sy := geo.ToScreen(b.sample.Mean[0], b.sample.Mean[1])
	v.marker(view.ReferenceSprite, view.Circle, bvSampleC, sx, sy)
	v.marker(view.ReferenceSprite, view.Circle, bvTheory, mx, my)
	v.marker(view.StartSprite, view.Circle, bvTruth, tx, ty)
	fx, fy := geo.ToScreen(b.est[0][0], b.est[0][1])
	v.marker(view.BallSprite, view.Circle, bvFit, fx, fy)
}

// ellipse adds the closed ellipse at k sd of (mean, cov) to v.
func (b *board) ellipse(v *View, mean [2]float64, cov [2][2]float64, k float64, col color.RGBA, width float32) {
	if len(b.ell) != bvEllipsePts {
		b.ell = make([][2]float64, bvEllipsePts)
	}
	b.ell = biasvar.Ellipse(mean, cov, k, b.ell)
	line := v.add(Polyline, col, width)
	for _, p := range b.ell {
		x, y := b.geo.ToScreen(p[0], p[1])
		line.Pts = append(line.Pts, float32(x), float32(y))
	}
	line.Pts = append(line.Pts, line.Pts[0], line.Pts[1])
}

// dataFrame draws the line design's data space: the points (t, y) of this dataset,
// the true line, this fit, a bundle of resampled fits, and at t₀ the predictions'
// mean ± 1 sd (closed form) against the truth.
func (c *Controller) dataFrame(v *View, b *board) {
	w, h := float64(v.Rect.Dx()), float64(v.Rect.Dy())
	dpr := float32(c.screen.DPR)
	box := v.add(Rect, chartFill, 0)
	box.Pts = append(box.Pts, 0, 0, float32(w), float32(h))
	t0 := b.spec.X0[1]
	tmin, tmax := math.Min(-1, t0)-0.15, math.Max(1, t0)+0.15
	line := func(th [2]float64, t float64) float64 { return th[0] + th[1]*t }
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for _, y := range b.data.Y {
		ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
	}
	for _, t := range [2]float64{tmin, tmax} {
		y := line(b.spec.Theta, t)
		ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
	}
	pad := 0.1*(ymax-ymin) + 1e-9
	ymin, ymax = ymin-pad, ymax+pad
	px := func(t float64) float32 { return float32((t - tmin) / (tmax - tmin) * w) }
	py := func(y float64) float32 {
		return float32(math.Max(-1e4, math.Min(1e4, h-(y-ymin)/(ymax-ymin)*h)))
	}
	ax := &c.bv.axes
	ax.update(tmin, tmax, ymin, ymax, w, h, tickGap*c.screen.DPR, px, py)
	c.tickMarks(v, &ax.ticks)
	seg := func(col color.RGBA, width float32, th [2]float64) {
		it := v.add(Polyline, col, width)
		it.Pts = append(it.Pts, px(tmin), py(line(th, tmin)), px(tmax), py(line(th, tmax)))
	}
	for _, e := range b.est[min(1, b.landed):min(b.landed, bvBundleLen+1)] {
		seg(bvBundle, 1*dpr, e)
	}
	seg(bvTruth, 1.5*dpr, b.spec.Theta)
	seg(bvFit, 2*dpr, b.est[0])
	pts := v.add(Markers, bvTruth, 0)
	pts.Sprite = view.DotSprite
	for i, r := range b.data.X {
		pts.Pts = append(pts.Pts, px(r[1]), py(b.data.Y[i]))
	}
	// At t₀: the predictions' mean ± 1 sd, and the truth x₀ᵀθ; the gap is the bias.
	if b.spec.X0[0] == 1 {
		truth := line(b.spec.Theta, t0)
		mean, sd := truth+b.theory.PredBias, math.Sqrt(b.theory.PredVariance)
		bar := v.add(Polyline, bvVariance, 3*dpr)
		bar.Pts = append(bar.Pts, px(t0), py(mean-sd), px(t0), py(mean+sd))
		v.marker(view.ReferenceSprite, view.Circle, bvTheory, float64(px(t0)), float64(py(mean)))
		v.marker(view.StartSprite, view.Circle, bvTruth, float64(px(t0)), float64(py(truth)))
	}
}

// Where the λ chart's axis runs: log₁₀ λ from the curve's first positive λ to its last.
func (bv *bvScene) lambdaRange() (lo, hi float64) {
	return math.Log10(bv.curve[1].Lambda), math.Log10(bv.curve[len(bv.curve)-1].Lambda)
}

// lambdaX is where λ stands on a chart w pixels wide; λ = 0 is the left edge.
func (bv *bvScene) lambdaX(lambda, w float64) float64 {
	lo, hi := bv.lambdaRange()
	if lambda <= 0 {
		return 0
	}
	return math.Max(0, math.Min(1, (math.Log10(lambda)-lo)/(hi-lo))) * w
}

// chartTop is the λ chart's top value: the largest expected error on the curve.
func (bv *bvScene) chartTop() float64 {
	top := 0.0
	for _, p := range bv.curve[1:] {
		top = math.Max(top, p.MSE)
	}
	return 1.08 * top
}

// lambdaFrame draws the λ chart: bias², variance, σ² and their sum against λ on a
// log axis, the Monte Carlo figures at the current λ as dots, and the best λ.
func (c *Controller) lambdaFrame(v *View) {
	bv, b := c.bv, &c.bv.boards[0]
	w, h := float64(v.Rect.Dx()), float64(v.Rect.Dy())
	dpr := float32(c.screen.DPR)
	box := v.add(Rect, chartFill, 0)
	box.Pts = append(box.Pts, 0, 0, float32(w), float32(h))
	top := bv.top
	y := func(val float64) float32 { return float32(h - math.Min(val/top, 1.2)*h) }
	for dec := math.Ceil(bv.lambdaRangeLo()); dec <= math.Floor(bv.lambdaRangeHi()); dec++ {
		grid := v.add(Rect, chartGrid, 0)
		grid.Pts = append(grid.Pts, float32(bv.lambdaX(math.Pow(10, dec), w))-0.5, 0, 1, float32(h))
	}
	if l := bv.best.Lambda; !math.IsInf(l, 0) {
		best := v.add(Rect, bvBest, 0)
		best.Pts = append(best.Pts, float32(bv.lambdaX(l, w))-dpr, 0, 2*dpr, float32(h))
	}
	cur := v.add(Rect, ink, 0)
	cur.Pts = append(cur.Pts, float32(bv.lambdaX(b.spec.Lambda, w))-0.5*dpr, 0, dpr, float32(h))
	curves := [4]struct {
		col color.RGBA
		val func(p biasvar.CurvePoint) float64
		mc  float64
	}{
		{bvTheory, func(p biasvar.CurvePoint) float64 { return p.Bias2 }, b.sample.PredBias * b.sample.PredBias},
		{bvVariance, func(p biasvar.CurvePoint) float64 { return p.Variance }, b.sample.PredVariance},
		{bvNoise, func(p biasvar.CurvePoint) float64 { return p.Noise }, b.theory.Noise},
		{ink, func(p biasvar.CurvePoint) float64 { return p.MSE }, b.sample.MSE},
	}
	x := float32(bv.lambdaX(b.spec.Lambda, w))
	for _, cv := range curves {
		line := v.add(Polyline, cv.col, 2*dpr)
		for _, p := range bv.curve[1:] {
			line.Pts = append(line.Pts, float32(bv.lambdaX(p.Lambda, w)), y(cv.val(p)))
		}
		v.marker(view.BallSprite, view.Circle, cv.col, float64(x), float64(y(cv.mc)))
	}
}

func (bv *bvScene) lambdaRangeLo() float64 { lo, _ := bv.lambdaRange(); return lo }
func (bv *bvScene) lambdaRangeHi() float64 { _, hi := bv.lambdaRange(); return hi }

// sceneClick answers a click at device pixel (sx, sy): in a parameter space it moves
// the true θ there, in the λ chart it sets λ there.
func (c *Controller) sceneClick(sx, sy float64) []string {
	bv := c.bv
	c.sceneLayout()
	pt := image.Pt(int(sx), int(sy))
	if !bv.chart.Empty() && pt.In(bv.chart) {
		lo, hi := bv.lambdaRange()
		u := (sx - float64(bv.chart.Min.X)) / float64(bv.chart.Dx())
		l := math.Pow(10, lo+u*(hi-lo))
		return c.Do(SetScene{Key: "lambda", Text: strconv.FormatFloat(l, 'g', 3, 64)})
	}
	if len(bv.boards) == 1 && pt.In(bv.rects[0]) {
		b := &bv.boards[0]
		wx, wy := b.geo.ToWorld(sx-float64(bv.rects[0].Min.X), sy-float64(bv.rects[0].Min.Y))
		q := math.Pow(10, math.Floor(math.Log10(b.geo.Scale*3)))
		return c.Do(SetScene{Key: "theta", Text: strconv.FormatFloat(roundTo(wx, q), 'g', -1, 64) + "," + strconv.FormatFloat(roundTo(wy, q), 'g', -1, 64)})
	}
	return nil
}

// scenePan answers a drag: sideways it moves λ along the λ chart's log axis, as
// far as the pointer moved on the chart (from 10⁻³ when λ is 0).
func (c *Controller) scenePan(cmd Pan) []string {
	dx, _, ok := c.toDevice(cmd.DX, cmd.DY, cmd.CanvasW, cmd.CanvasH)
	if !ok || dx == 0 {
		return nil
	}
	bv := c.bv
	c.sceneLayout()
	w := float64(bv.chart.Dx())
	if bv.chart.Empty() {
		w = float64(bv.rects[0].Dx())
	}
	lo, hi := bv.lambdaRange()
	l := math.Max(bv.boards[0].spec.Lambda, math.Pow(10, lo))
	l = math.Min(math.Pow(10, hi), l*math.Pow(10, dx/w*(hi-lo)))
	return c.Do(SetScene{Key: "lambda", Text: strconv.FormatFloat(l, 'g', 3, 64)})
}

// SetScene sets one of the bias–variance scene's hash keys (n, sigma, lambda, theta,
// x0, trials, design, seed) from the text a learner typed or a slider gave; a bad
// value is refused with the key's own message and the previous one kept.
type SetScene struct{ Key, Text string }

// SceneKeys are the keys SetScene sets.
var SceneKeys = []string{"n", "sigma", "lambda", "theta", "x0", "trials", "design", "seed"}

func (cmd SetScene) apply(c *Controller) []string {
	return c.edit(func(cfg *config.Config) error {
		if !slices.Contains(SceneKeys, cmd.Key) {
			return fmt.Errorf("there is no bias–variance setting %s (known: %s); nothing changed", param.Quote(cmd.Key), strings.Join(SceneKeys, ", "))
		}
		text := strings.TrimSpace(cmd.Text)
		next, errs := config.Apply(*cfg, cmd.Key+"="+escapeValue(text))
		if len(errs) > 0 {
			return errs[0]
		}
		*cfg = next
		return nil
	})
}

// escapeValue %-encodes what would break a hash pair: %, & and =.
func escapeValue(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "=", "%3D", "#", "%23").Replace(s)
}
