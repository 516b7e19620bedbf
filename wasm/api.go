//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"
	"unsafe"

	"descent/game"
	"descent/game/control"
	"descent/game/jsapi"
)

// api is window.descent. Every member converts its arguments to plain values,
// lets package jsapi check them, and answers at once from the game's state;
// none waits on the game loop but fieldValues, a Promise the next frame keeps.
type api struct {
	g       *game.Game
	ready   js.Value
	resolve js.Value
	points  js.Func // the getter of a trajectory's points, built from xs and ys on first use
}

func newAPI(g *game.Game) *api {
	a := &api{g: g}
	a.ready = js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		a.resolve = args[0]
		return nil
	}))
	a.points = js.FuncOf(func(this js.Value, _ []js.Value) any {
		xs, ys := this.Get("xs"), this.Get("ys")
		pts := make([]any, xs.Length())
		for i := range pts {
			pts[i] = []any{xs.Index(i).Float(), ys.Index(i).Float()}
		}
		return pts
	})
	return a
}

func (a *api) resolveReady() { a.resolve.Invoke() }

// member wraps f as a JS function taking plain values. A script that passes
// something unexpected gets an {error} back instead of stopping the program.
func member(f func(args []any) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = jsapi.Error(fmt.Errorf("descent: bad arguments: %v", r))
			}
		}()
		plain := make([]any, len(args))
		budget := maxArgValues
		for i, v := range args {
			plain[i] = toPlain(v, &budget)
		}
		return f(plain)
	})
}

// maxArgValues bounds how much of a script's argument is read: a spec is a few
// dozen values, and a huge one must not hold up the page.
const maxArgValues = 10000

// toPlain converts a JS value to the plain values package jsapi reads; a kind
// syscall/js does not know (a BigInt) becomes Unsupported.
func toPlain(v js.Value, budget *int) (plain any) {
	defer func() {
		if recover() != nil {
			plain = jsapi.Unsupported("a value of another kind")
		}
	}()
	*budget--
	if *budget < 0 {
		return jsapi.Unsupported("a value too large to read")
	}
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return nil
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeNumber:
		return v.Float()
	case js.TypeString:
		return v.String()
	case js.TypeObject:
		if js.Global().Get("Array").Call("isArray", v).Bool() {
			out := make([]any, min(v.Length(), max(*budget, 0)))
			for i := range out {
				out[i] = toPlain(v.Index(i), budget)
			}
			return out
		}
		keys := js.Global().Get("Object").Call("keys", v)
		out := make(map[string]any, keys.Length())
		for i := 0; i < keys.Length() && *budget > 0; i++ {
			k := keys.Index(i).String()
			out[k] = toPlain(v.Get(k), budget)
		}
		return out
	}
	return jsapi.Unsupported("a " + v.Type().String())
}

func (a *api) object() js.Value {
	o := js.Global().Get("Object").New()
	o.Set("ready", a.ready)
	for name, f := range jsapi.Members(a.g) {
		o.Set(name, member(func(args []any) any {
			out := f(args)
			if t, ok := out.(jsapi.Trajectory); ok {
				return a.trajectoryJS(t)
			}
			return out
		}))
	}
	o.Set("fieldValues", member(func(args []any) any {
		pr := js.Global().Get("Promise").Call("withResolvers")
		a.g.Send(jsapi.FieldValues(args, func(v any) { pr.Call("resolve", v) }))
		return pr.Get("promise")
	}))
	o.Set("export", member(func(args []any) any {
		var out any
		var png bool
		a.g.Settled(func(c *control.Controller) { out, png = jsapi.Export(c, args) })
		if png {
			return js.Global().Call("descentPNG", out) // share.js: a Promise of the PNG
		}
		return out
	}))
	return o
}

// trajectoryJS answers trajectory() with Float64Arrays, each filled by one
// copy, and a points getter for scripts that read [x, y] pairs.
func (a *api) trajectoryJS(t jsapi.Trajectory) js.Value {
	o := js.ValueOf(map[string]any{
		"xs": float64Array(t.Xs), "ys": float64Array(t.Ys), "losses": float64Array(t.Losses),
		"status": t.Status.String(), "statusStep": t.StatusStep,
	})
	desc := js.ValueOf(map[string]any{"get": a.points, "enumerable": true})
	js.Global().Get("Object").Call("defineProperty", o, "points", desc)
	return o
}

// float64Array copies v into a new Float64Array in one CopyBytesToJS of v's
// own bytes: wasm, like every browser's Float64Array, is little-endian.
func float64Array(v []float64) js.Value {
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(v))), 8*len(v))
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return js.Global().Get("Float64Array").New(u8.Get("buffer"))
}
