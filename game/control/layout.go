package control

import (
	"fmt"
	"image"
	"math"
)

// The page's layout numbers, in CSS pixels, written here once: the page's CSS
// reads them from custom properties on <body> (see PageLayout).
const (
	// PanelWidth is the side panel's width on a wide screen.
	PanelWidth = 300
	// SheetBelow is the window width under which the panel becomes a sheet
	// under the plot, SheetShare of the window's height.
	SheetBelow = 720
	SheetShare = 0.42
	// chartMaxWidth and chartShare bound the loss chart's width: at most
	// chartMaxWidth, and at most chartShare of the canvas; it is half as high
	// as wide, chartMargin from the canvas's right edge and from the top of
	// the x axis's strip.
	chartMaxWidth = 300
	chartShare    = 0.42
	chartMargin   = 8
	// axisStrip is the band along the canvas's bottom kept for the x axis's
	// numbers: the chart and the messages stand above it.
	axisStrip = 18
)

// views lists the screen's views in drawing order: the field, then the chart over it.
func (c *Controller) views(dst []View) []View {
	full := image.Rect(0, 0, c.screen.W, c.screen.H)
	return append(dst, View{Kind: FieldView, Rect: full}, View{Kind: ChartView, Rect: chartRect(c.screen)})
}

// chartRect is where the loss chart goes, in device pixels.
func chartRect(s Screen) image.Rectangle {
	cssW := float64(s.W) / s.DPR
	w := math.Min(chartMaxWidth, chartShare*cssW) * s.DPR
	h := 0.5 * w
	x0, y0 := float64(s.W)-w-chartMargin*s.DPR, float64(s.H)-h-(chartMargin+axisStrip)*s.DPR
	return image.Rect(int(x0), int(y0), int(x0+w), int(y0+h))
}

// PageMode is how the page arranges the plot and the panel.
type PageMode int

const (
	SidePanel  PageMode = iota // a panel on the right of the plot
	SheetPanel                 // a narrow window: the panel is a sheet under the plot
	Embedded                   // embed=1: the plot alone
)

func (m PageMode) String() string {
	switch m {
	case SidePanel:
		return "side"
	case SheetPanel:
		return "sheet"
	case Embedded:
		return "embed"
	}
	return fmt.Sprintf("PageMode(%d)", int(m))
}

// PageLayout is the page's arrangement for a window winW CSS pixels wide: its
// mode, and the CSS custom properties the page's stylesheet reads.
func PageLayout(winW float64, embed bool) (PageMode, [][2]string) {
	mode := SidePanel
	switch {
	case embed:
		mode = Embedded
	case winW < SheetBelow:
		mode = SheetPanel
	}
	vars := [][2]string{
		{"--panel-width", fmt.Sprintf("%dpx", PanelWidth)},
		{"--sheet-share", fmt.Sprintf("%g%%", SheetShare*100)},
		{"--plot-share", fmt.Sprintf("%g%%", (1-SheetShare)*100)},
		// The messages at the bottom left keep clear of the chart at the bottom right.
		{"--chart-share", fmt.Sprintf("%g", chartShare)},
		{"--chart-max", fmt.Sprintf("%dpx", chartMaxWidth)},
		// ... and clear of the x axis's numbers along the bottom.
		{"--axis-strip", fmt.Sprintf("%dpx", axisStrip)},
	}
	return mode, vars
}

// gridGap is the space between side-by-side panels, in CSS pixels; on a screen
// narrower than SheetBelow CSS pixels the panels go in gridPhoneColumns columns.
// The panels start gridTop CSS pixels down (gridPhoneTop on a phone), under the
// legend's title and formula (index.html's #legend: 8 px from the top, two
// lines of 13 px/1.45 and 8 px of padding above and below; one line on a phone).
const (
	gridGap          = 6
	gridPhoneColumns = 2
	gridTop          = 66
	gridPhoneTop     = 44
)

// gridRects appends the rectangles of n side-by-side panels on screen s, in
// device pixels, row by row: as many columns as make the panels squarest (two
// on a phone), the bottom right corner left to the loss chart when a row has
// room. None for n = 0.
func gridRects(dst []image.Rectangle, s Screen, n int) []image.Rectangle {
	if n <= 0 || s.W <= 0 || s.H <= 0 {
		return dst
	}
	cols, top := gridPhoneColumns, gridPhoneTop*s.DPR
	if float64(s.W)/s.DPR >= SheetBelow {
		top = gridTop * s.DPR
		// The column count whose cells are closest to square.
		best := math.Inf(1)
		for k := 1; k <= n; k++ {
			rows := (n + k - 1) / k
			aspect := (float64(s.W) / float64(k)) / ((float64(s.H) - top) / float64(rows))
			if d := math.Abs(math.Log(aspect)); d < best {
				best, cols = d, k
			}
		}
	}
	if float64(s.H) < 4*top { // too low a screen for the band: the legend covers the panels' top
		top = 0
	}
	cols = min(cols, n)
	rows := (n + cols - 1) / cols
	gap := gridGap * s.DPR
	cw := (float64(s.W) - gap*float64(cols-1)) / float64(cols)
	ch := (float64(s.H) - top - gap*float64(rows-1)) / float64(rows)
	for i := range n {
		x0 := float64(i%cols) * (cw + gap)
		y0 := top + float64(i/cols)*(ch+gap)
		dst = append(dst, image.Rect(int(x0), int(y0), int(x0+cw), int(y0+ch)))
	}
	return dst
}
