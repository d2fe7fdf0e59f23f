package main
func (r *T[K, V]) m() {}
func (r T[]) n() {}
