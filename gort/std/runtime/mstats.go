// gort's declarations for runtime's memory statistics. The bodies of the
// functions without one are Python natives (natives.py in this directory).

package runtime

// MemStats is a snapshot of the memory allocator's counters, filled in by
// ReadMemStats. Every field is a count or a number of bytes; the layout is
// the one gc uses, so that programs (and reflection) see the same struct.
type MemStats struct {
	// Heap objects, counted since the program started.
	Alloc      uint64 // bytes of live heap objects (same as HeapAlloc)
	TotalAlloc uint64 // bytes ever allocated for heap objects; never decreases
	Sys        uint64 // bytes of memory obtained from the OS, for every purpose
	Lookups    uint64 // pointer lookups by the runtime (always 0)
	Mallocs    uint64 // heap objects ever allocated
	Frees      uint64 // heap objects ever freed

	// The heap, by the state of its spans.
	HeapAlloc    uint64 // bytes of live heap objects
	HeapSys      uint64 // bytes of heap memory mapped (in use, idle or released)
	HeapIdle     uint64 // bytes of heap memory in no span
	HeapInuse    uint64 // bytes in spans holding heap objects
	HeapReleased uint64 // bytes of idle heap memory given back to the OS
	HeapObjects  uint64 // live heap objects

	// Goroutine stacks.
	StackInuse uint64 // bytes in stack spans
	StackSys   uint64 // bytes of stack memory from the OS (StackInuse plus OS-allocated stacks)

	// The runtime's own structures, outside the heap.
	MSpanInuse  uint64 // bytes of span structures in use
	MSpanSys    uint64 // bytes obtained for span structures
	MCacheInuse uint64 // bytes of per-P cache structures in use
	MCacheSys   uint64 // bytes obtained for per-P cache structures
	BuckHashSys uint64 // bytes of profiling bucket hash tables
	GCSys       uint64 // bytes of garbage collector metadata
	OtherSys    uint64 // bytes of other off-heap runtime allocations

	// The garbage collector.
	NextGC        uint64      // heap size at which the next cycle should end
	LastGC        uint64      // end of the last cycle, in nanoseconds since 1970
	PauseTotalNs  uint64      // total stop-the-world pause time, in nanoseconds
	PauseNs       [256]uint64 // recent pause times, a ring indexed by (NumGC+255)%256
	PauseEnd      [256]uint64 // recent pause end times (ns since 1970), same ring
	NumGC         uint32      // completed cycles
	NumForcedGC   uint32      // cycles forced by runtime.GC
	GCCPUFraction float64     // share of CPU time used by the collector
	EnableGC      bool        // always true
	DebugGC       bool        // unused

	// Allocations per size class; BySize[i] is the i-th class, from 0.
	BySize [61]struct {
		Size    uint32 // largest object size of the class
		Mallocs uint64 // objects allocated in the class
		Frees   uint64 // objects freed in the class
	}
}

// ReadMemStats stops the world, flushes every per-P cache and fills m with
// the allocator's statistics.
func ReadMemStats(m *MemStats)
