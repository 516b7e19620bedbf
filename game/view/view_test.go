package view

import (
	"math"
	"testing"
)

func TestFitShowsDomainCentred(t *testing.T) {
	cases := []struct {
		name                   string
		xmin, xmax, ymin, ymax float64
		w, h                   int
	}{
		{"wide screen", -5, 5, -3, 3, 800, 400},
		{"tall screen", -2, 2, -1, 3, 300, 900},
		{"offset domain", 10, 14, -20, -19, 640, 480},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Fit(c.xmin, c.xmax, c.ymin, c.ymax, c.w, c.h)
			bx0, bx1, by0, by1 := v.Bounds()
			if bx0 > c.xmin || bx1 < c.xmax || by0 > c.ymin || by1 < c.ymax {
				t.Errorf("bounds [%g,%g]×[%g,%g] do not contain the domain", bx0, bx1, by0, by1)
			}
			sx, sy := v.ToScreen((c.xmin+c.xmax)/2, (c.ymin+c.ymax)/2)
			if math.Abs(sx-float64(c.w)/2) > 1e-9 || math.Abs(sy-float64(c.h)/2) > 1e-9 {
				t.Errorf("domain centre at (%g,%g), want screen centre", sx, sy)
			}
			// One axis is tight: the domain fills the screen up to the margin.
			fill := math.Max((c.xmax-c.xmin)/(bx1-bx0), (c.ymax-c.ymin)/(by1-by0))
			if math.Abs(fill-(1-2*fitMargin)) > 1e-9 {
				t.Errorf("domain fills %g of the tight axis, want %g", fill, 1-2*fitMargin)
			}
		})
	}
}

func TestScreenWorldRoundTrip(t *testing.T) {
	v := Fit(-2, 2, -1, 3, 640, 480)
	for _, p := range [][2]float64{{0, 0}, {1.25, -0.75}, {-1.9, 2.9}} {
		sx, sy := v.ToScreen(p[0], p[1])
		x, y := v.ToWorld(sx, sy)
		if math.Abs(x-p[0]) > 1e-12 || math.Abs(y-p[1]) > 1e-12 {
			t.Errorf("round trip of %v gave (%g,%g)", p, x, y)
		}
	}
	// y grows upwards in the world and downwards on the screen.
	_, top := v.ToScreen(0, 3)
	_, bottom := v.ToScreen(0, -1)
	if !(top < bottom) {
		t.Errorf("world y=3 at screen y=%g, y=-1 at %g: want the higher point nearer the top", top, bottom)
	}
}

func TestSampleLevels(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 400, 300)
	quad := func(x, y float64) float64 { return x*x + 10*y*y }
	lin := SampleLevels(v, quad, 0, false)
	if lin.LMin < 0 || lin.LMin > 1 || lin.LMax < 50 {
		t.Errorf("linear levels [%g,%g], want from near 0 to above 50", lin.LMin, lin.LMax)
	}
	if math.Abs(lin.Step*isolineCount-(lin.LMax-lin.LMin)) > 1e-9 {
		t.Errorf("step %g does not split [%g,%g] into %d", lin.Step, lin.LMin, lin.LMax, isolineCount)
	}
	lg := SampleLevels(v, quad, 0, true)
	if got := lg.Level(0); math.Abs(got-lg.LMin) > 1e-9 {
		t.Errorf("log level of the minimum = %g, want LMin %g", got, lg.LMin)
	}
	if !(lg.Level(1) < lg.Level(10)) || math.IsInf(lg.Level(0), 0) {
		t.Errorf("log levels not increasing or infinite at the minimum")
	}
	nan := SampleLevels(v, func(x, y float64) float64 { return math.NaN() }, 0, true)
	if !(nan.LMax > nan.LMin) || nan.Step <= 0 {
		t.Errorf("all-NaN sample gave levels %+v, want a usable default", nan)
	}
}

func TestCSS(t *testing.T) {
	if got := CSS(RunnerColor(0)); got != "#e69f00" {
		t.Errorf("CSS(orange) = %q, want #e69f00, Okabe–Ito's orange", got)
	}
	if RunnerColor(0) != RunnerColor(len(runnerColors)) {
		t.Errorf("colours do not cycle")
	}
}

func TestQuantilesSpreadThePalette(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 400, 300)
	quad := func(x, y float64) float64 { return x*x + 10*y*y }
	for _, logScale := range []bool{false, true} {
		lv := SampleLevels(v, quad, 0, logScale)
		for i := 1; i < len(lv.Quantiles); i++ {
			if lv.Quantiles[i] < lv.Quantiles[i-1] {
				t.Fatalf("log=%v: quantiles not increasing: %v", logScale, lv.Quantiles)
			}
		}
		// Half the sampled area lies below the median level: check on a fresh grid.
		below, n := 0, 0
		x0, x1, y0, y1 := v.Bounds()
		for x := x0; x <= x1; x += (x1 - x0) / 97 {
			for y := y0; y <= y1; y += (y1 - y0) / 89 {
				n++
				if lv.Level(quad(x, y)) < lv.Quantiles[QuantileCount/2] {
					below++
				}
			}
		}
		if frac := float64(below) / float64(n); frac < 0.4 || frac > 0.6 {
			t.Errorf("log=%v: %.2f of the area below the median level, want about 0.5", logScale, frac)
		}
	}
}

func TestZoomKeepsThePointUnderTheCursor(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 800, 600)
	for _, c := range []struct{ sx, sy, factor float64 }{{100, 50, 0.5}, {700, 550, 2}, {400, 300, 0.1}} {
		wx, wy := v.ToWorld(c.sx, c.sy)
		z := v.ZoomAt(c.sx, c.sy, c.factor)
		gx, gy := z.ToWorld(c.sx, c.sy)
		if math.Abs(gx-wx) > 1e-12 || math.Abs(gy-wy) > 1e-12 {
			t.Errorf("ZoomAt(%g,%g,%g): the point under the cursor moved from (%g,%g) to (%g,%g)", c.sx, c.sy, c.factor, wx, wy, gx, gy)
		}
		if math.Abs(z.Scale-v.Scale*c.factor) > 1e-12 {
			t.Errorf("scale %g, want %g", z.Scale, v.Scale*c.factor)
		}
	}
	// Zooming in a million-fold at x = 1000 stops at the 32-bit limit.
	far := View{CX: 1000, CY: 0, Scale: 1, W: 100, H: 100}.ZoomAt(50, 50, 1e-12)
	if want := MinRelativeScale * 1000; math.Abs(far.Scale-want) > 1e-15 {
		t.Errorf("scale after a huge zoom-in at x=1000: %g, want the floor %g", far.Scale, want)
	}
}

func TestPanFollowsThePointer(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 800, 600)
	wx, wy := v.ToWorld(200, 100)
	p := v.PanBy(30, -20)
	gx, gy := p.ToWorld(230, 80)
	if math.Abs(gx-wx) > 1e-12 || math.Abs(gy-wy) > 1e-12 {
		t.Errorf("after dragging by (30,-20) the grabbed point is at (%g,%g), want (%g,%g)", gx, gy, wx, wy)
	}
}

func TestFitExactRoundTrip(t *testing.T) {
	v := Fit(-5, 5, -3, 3, 800, 600).ZoomAt(100, 100, 0.37)
	x0, x1, y0, y1 := v.Bounds()
	back := FitExact(x0, x1, y0, y1, 800, 600)
	if math.Abs(back.CX-v.CX) > 1e-12 || math.Abs(back.CY-v.CY) > 1e-12 || math.Abs(back.Scale-v.Scale) > 1e-15 {
		t.Errorf("FitExact(Bounds()) = %+v, want %+v", back, v)
	}
}

func TestClampKeepsTheDirection(t *testing.T) {
	v := View{W: 200, H: 100}
	cases := []struct{ x, y, wantX, wantY float64 }{
		{50, 50, 50, 50},      // on screen: unchanged
		{1100, 50, 190, 50},   // far right: on the right border
		{100, -950, 100, 10},  // far up: on the top border
		{1100, 1050, 140, 90}, // down-right: along the line from the centre (100,50), t = 40/1000
		{-1e300, 50, 10, 50},  // absurdly far: still on the border
	}
	for _, c := range cases {
		x, y := v.Clamp(c.x, c.y, 10)
		if math.Abs(x-c.wantX) > 1e-9 || math.Abs(y-c.wantY) > 1e-9 {
			t.Errorf("Clamp(%g, %g) = (%g, %g), want (%g, %g)", c.x, c.y, x, y, c.wantX, c.wantY)
		}
	}
}
