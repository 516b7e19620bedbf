package control

import (
	"descent/game/legend"
	"descent/game/view"
)

// Picture is what an exported PNG shows besides the canvas: the page's text
// over the plot (its legend, axes and title) is HTML, not in the canvas, so
// the page draws these into the image. Positions are device pixels of the
// canvas, which is W×H.
type Picture struct {
	W, H    int
	DPR     float64
	Title   string // the surface
	Formula string
	Step    string // "step 120"
	Rows    []PictureRow
	XTicks  []PictureTick // along the bottom edge
	YTicks  []PictureTick // along the left edge
}

// PictureRow is one line of the legend.
type PictureRow struct {
	Color, Name, Params, Loss, Status string
	Outline                           [][2]float64 // the ball's shape (view.Shape.Outline); nil for a circle
}

// PictureTick is an axis label at Pos pixels along its edge.
type PictureTick struct {
	Pos   float64
	Label string
}

// tickGapCSS is the least gap between two axis labels of an exported picture,
// in CSS pixels: room for a label like "-1.25".
const tickGapCSS = 80

// Picture describes the text of the plot as an exported image shows it.
func (c *Controller) Picture() Picture {
	var l legend.Legend
	legend.Make(&l, c.problem, c.race, c.cfg.Paused, c.referencePath())
	p := Picture{W: c.screen.W, H: c.screen.H, DPR: c.screen.DPR, Title: l.Title, Formula: l.Formula, Step: l.StepText()}
	for i := range l.Rows {
		r := &l.Rows[i]
		row := PictureRow{Color: r.Color, Name: r.Name, Params: r.Params, Loss: r.LossText(), Status: r.StatusText()}
		if !r.Reference && i < len(c.race.Runners) {
			row.Outline = view.RunnerShape(c.race.Runners[i].ID).Outline()
		}
		p.Rows = append(p.Rows, row)
	}
	gap := tickGapCSS * c.screen.DPR
	if c.screen.W > 0 && c.screen.H > 0 {
		for _, t := range c.field.XTicks(gap) {
			sx, _ := c.field.ToScreen(t.Value, 0)
			p.XTicks = append(p.XTicks, PictureTick{Pos: sx, Label: t.Label})
		}
		for _, t := range c.field.YTicks(gap) {
			_, sy := c.field.ToScreen(0, t.Value)
			p.YTicks = append(p.YTicks, PictureTick{Pos: sy, Label: t.Label})
		}
	}
	return p
}
