"""Go maps: the bucketed hash table of Go 1.13–1.23 (runtime/map.go).

A Go map value is a pointer to an `hmap` in the heap. The hmap points to an
array of 2^B buckets; each bucket (`bmap`) holds up to 8 entries and may
chain overflow buckets. The low B bits of a key's hash pick the bucket; the
top 8 bits (`tophash`) are kept per slot so that a lookup compares keys only
where the tophash matches. When the table is too full it doubles, and the
entries move ("evacuate") to the new array a little at a time, during the
writes that follow. This is the map of the seed's runtime (DESIGN.md: the
Swiss tables of Go 1.24 may come later as an alternative).

Layout (linux/amd64, every field in Go memory):

  hmap, 48 bytes (`hmapType`; words 2, 3 and 5 are pointers):
    0  count      int       live entries; len(m). Must stay first.
    8  flags      uint8     iterator | oldIterator | hashWriting | sameSizeGrow
    9  B          uint8     log2 of the number of buckets
    10 noverflow  uint16    overflow buckets, exact below B=16, sampled above
    12 hash0      uint32    the hash seed, from fastrand; new after clear/last delete
    16 buckets    *bmap     2^B buckets (nil until the first write if B == 0)
    24 oldbuckets *bmap     the half-size (or same-size) array being evacuated
    32 nevacuate  uintptr   old buckets below this index are evacuated
    40 extra      *mapextra optional fields

  mapextra, 24 bytes (`mapextraType`, all pointers):
    0  overflow     *[]*bmap  overflow buckets of buckets (only when bmap has no
                              pointers: the GC then cannot follow b.overflow)
    8  oldoverflow  *[]*bmap  the same for oldbuckets
    16 nextOverflow *bmap     next preallocated overflow bucket

  bmap, t.bucketsize = 8 + 8*keysize + 8*elemsize + 8 bytes (t.bucket):
    0                    tophash [8]uint8  top byte of each slot's hash, or a state
    8                    keys    [8]K      (*K when K is over 128 bytes)
    8 + 8*keysize        elems   [8]E      (*E when E is over 128 bytes)
    bucketsize - 8       overflow *bmap    (uintptr when no key/elem has pointers)

tophash states: emptyRest (0: empty, and so is every later slot and overflow
bucket), emptyOne (1: empty), evacuatedX / evacuatedY (2, 3: moved to the
lower / upper half of the new array), evacuatedEmpty (4), and a real top byte
from minTopHash (5) up (a hash whose top byte is below 5 gets 5 added).

Algorithm:
  lookup (mapaccess1/2): hash the key with hash0; bucket = hash & (2^B - 1).
    While growing, if that bucket's old bucket is not yet evacuated, search
    the old one. Walk the chain comparing tophash, then keys; stop at
    emptyRest.
  insert (mapassign): set hashWriting; while growing, evacuate the old bucket
    this key maps to and one more (growWork). Find the key, or remember the
    first empty slot. A new key may first trigger hashGrow: to twice the
    buckets when count+1 > 6.5 * 2^B, or to the same number when there are
    as many overflow buckets as buckets (tooManyOverflowBuckets); then start
    over. No empty slot: chain an overflow bucket (preallocated ones first).
  delete (mapdelete): clear the slot, mark it emptyOne, and turn a tail of
    empty slots into emptyRest. The last delete re-seeds hash0.
  evacuate: move one old bucket's chain into the new array: on doubling,
    hash bit B-1 sends each entry to X (same index) or Y (index + 2^(B-1)).
    Old slots keep their keys and record where each went, so iterators
    started before the growth can still walk them.
  iterate (mapiterinit/next): start at a random bucket and a random slot
    offset within each bucket; walk buckets in order, wrapping around. If
    the iterator began mid-growth (its B is the new B) and an old bucket is
    still unevacuated, walk the old bucket, keeping only entries that will
    land in the current new bucket. An entry already evacuated since the
    iterator started is looked up again (mapaccessK), so deletes and updates
    made during the range show.

Invariants:
  * count is the number of slots holding a tophash >= minTopHash in the
    current generation (new buckets plus unevacuated old ones).
  * Either all or none of a bucket chain's slots are in evacuated states.
  * emptyRest in slot i: slots i+1.. and all of the chain's later buckets are empty.
  * Entries never move within a bucket array (iterators depend on it).
  * hashWriting is set exactly while a write is in progress; seeing it on
    entry is a concurrent write (fatal, as in Go: not recoverable).

Differences from Go:
  * Hashes come from Python's hash() (alg.py), not aeshash/wyhash.
  * The fast variants (map_fast32.go, map_fast64.go, map_faststr.go) are
    chosen here at run time from the key type's hasher (memhash32,
    memhash64, strhash), because gort's compiler always calls the generic
    names. The choice is cached in private bits (8 and up) of t.flags; Go's
    flags use the low 5 bits, and only those are written to the descriptor.
  * The fast variants, mapdelete and mapiternext copy a bucket's 8 tophash
    bytes into a bytes object once and search it with bytes.find, where Go
    loops over the bytes: the same slots in the same order, with a third of
    the Python operations. A bucket whose last slot is emptyRest ends a chain
    walk (Go stops at the first emptyRest; no entry follows one either way).
  * The bucket type descriptor and flags, which gc's compiler emits
    (reflectdata.MapBucketType), are computed on first use (initmaptype).
  * hiter is a Python object (the range loop's state, as the compiler's
    stack slot is in Go). Its pointer fields (h, buckets, bptr, overflow,
    oldoverflow, key, elem) are roots for the GC: see hiter.pointers().
  * Stores of pointers into the hmap, mapextra and buckets are plain stores;
    the write barrier comes with the GC issue (mbarrier.py).
  * A nil or empty map with an unhashable interface key panics with Go
    1.27's text ("hash of unhashable type: T"), as a user of Go 1.27 sees.
  * Elements over 1024 bytes read from a missing key point at a zeroed block
    kept per size (gc emits one per type and calls mapaccess1_fat).
"""

from __future__ import annotations

import threading

from gort.runtime.alg import hasherFor, mapKeyError, memhash32, memhash64, strhash
from gort.runtime.malloc import growslice, newarray, newobject
from gort.runtime.mbarrier import typedmemclr, typedmemmove
from gort.runtime.mbitmap import typeMask
from gort.runtime.msize import roundupsize
from gort.runtime.panic import fatal, panicPlain, throw
from gort.runtime.param import maxAlloc
from gort.runtime.staticdata import zeroVal
from gort.runtime.stubs import memclrNoHeapPointers
from gort.runtime.type import (
    Array,
    Complex64,
    Complex128,
    Float32,
    Float64,
    Interface,
    Pointer,
    Slice,
    String,
    Struct,
    _type,
    arraytype,
    maptype,
    placeType,
    structtype,
)
from gort.runtime.unsafe import U8, U16, U32, U64

# --- constants (map.go, abi/map.go) ------------------------------------------------------

bucketCntBits = 3
bucketCnt = 1 << bucketCntBits  # entries per bucket
loadFactorNum = 13  # grow when count > 6.5 * 2^B on average (13/2)
loadFactorDen = 2
maxKeySize = 128  # larger keys and elems are stored indirectly
maxElemSize = 128
dataOffset = 8  # keys start after tophash [8]uint8
maxZero = 1024  # size of zeroVal (abi.ZeroValSize)

# tophash values below minTopHash mark slot states.
emptyRest = 0
emptyOne = 1
evacuatedX = 2
evacuatedY = 3
evacuatedEmpty = 4
minTopHash = 5

# hmap.flags
iterator = 1  # there may be an iterator using buckets
oldIterator = 2  # there may be an iterator using oldbuckets
hashWriting = 4  # a goroutine is writing to the map
sameSizeGrow = 8  # the current growth keeps the number of buckets

noCheck = (1 << 64) - 1  # hiter.checkBucket sentinel

# maptype.flags (abi.MapType), as gc's compiler sets them.
indirectkey = 1  # the bucket holds *K
indirectelem = 2  # the bucket holds *E
reflexivekey = 4  # k == k for every key (false for floats, interfaces)
needkeyupdate = 8  # overwrite the key on assign (+0/-0, strings)
hashMightPanic = 16  # hashing may panic (interface keys)
# gort-private bits: which access functions serve the map (0: not set up yet).
_kindShift = 8
_kindGeneric = 1
_kindFast32 = 2
_kindFast64 = 3
_kindFaststr = 4
_bigElem = 1 << 12  # elem over maxZero bytes: missing keys read _bigzero

# hmap field offsets
_count = 0
_flags = 8
_B = 9
_noverflow = 10
_hash0 = 12
_buckets = 16
_oldbuckets = 24
_nevacuate = 32
_extra = 40
# mapextra field offsets
_overflow = 0
_oldoverflow = 8
_nextOverflow = 16

_M64 = (1 << 64) - 1
_pyhash = hash

# --- runtime types of the map's own structures ---------------------------------------------

hmapType = _type(Struct, size=48, align=8, ptrdata=48, gcdata=bytes([0b101100]), s="runtime.hmap")
mapextraType = _type(Struct, size=24, align=8, ptrdata=24, gcdata=b"\x07", s="runtime.mapextra")
bmapPtrType = _type(Pointer, size=8, align=8, ptrdata=8, gcdata=b"\x01", s="*runtime.bmap")
bmapSliceType = _type(Slice, size=24, align=8, ptrdata=8, gcdata=b"\x01", s="[]*runtime.bmap")
_placed = False  # the four types above have descriptors in memory; under _initLock
_initLock = threading.Lock()  # serialises initmaptype (Go does this work at compile time)

_bigzeros: dict[int, int] = {}  # size -> a zeroed block of that size, for elems over maxZero


def _fastrand() -> int:
    from gort.runtime.proc import cheaprand

    return cheaprand()


# --- the map type: bucket layout and flags (gc computes these at compile time) -------------


# go: cmd/compile/internal/reflectdata/reflect.go MapBucketType
def initmaptype(t: maptype) -> None:
    """Compute t's bucket type, sizes, flags and hasher, once. Idempotent; any M."""
    if t.flags:
        return
    with _initLock:
        if not t.flags:
            _initmaptype(t)


def _initmaptype(t: maptype) -> None:
    """initmaptype's work; _initLock held."""
    global _placed
    if not _placed:
        for x in (hmapType, mapextraType, bmapPtrType, bmapSliceType):
            placeType(x)
        _placed = True
    keytype, elemtype = t.key, t.elem
    if keytype.equal is None:
        throw("runtime.reflect_makemap: unsupported map key type")
    flags = 0
    ks, es = keytype.size, elemtype.size
    if ks > maxKeySize:
        flags |= indirectkey
        ks = 8
    if es > maxElemSize:
        flags |= indirectelem
        es = 8
    if keytype.align > bucketCnt or elemtype.align > bucketCnt:
        throw("key align too big")
    bucketsize = dataOffset + bucketCnt * (ks + es) + 8
    # The pointer bitmap: each slot's key and elem words, then the overflow link.
    kmask = 1 if flags & indirectkey else typeMask(keytype)
    emask = 1 if flags & indirectelem else typeMask(elemtype)
    mask = 0
    for i in range(bucketCnt):
        if kmask:
            mask |= kmask << ((dataOffset + i * ks) >> 3)
        if emask:
            mask |= emask << ((dataOffset + bucketCnt * ks + i * es) >> 3)
    if mask:
        mask |= 1 << ((bucketsize - 8) >> 3)
    ptrdata = mask.bit_length() * 8
    gcdata = mask.to_bytes((mask.bit_length() + 7) // 8, "little") if mask else b""
    bucket = _type(
        Struct,
        size=bucketsize,
        align=8,
        ptrdata=ptrdata,
        gcdata=gcdata,
        s=f"map.bucket[{keytype.str}]{elemtype.str}",
    )
    placeType(bucket)
    if _isReflexive(keytype):
        flags |= reflexivekey
    if _needKeyUpdate(keytype):
        flags |= needkeyupdate
    if _hashMightPanic(keytype):
        flags |= hashMightPanic
    hasher = hasherFor(keytype)
    kind = _kindGeneric
    if not flags & (indirectkey | indirectelem):
        if hasher is memhash64 and ks == 8:
            kind = _kindFast64
        elif hasher is memhash32 and ks == 4:
            kind = _kindFast32
        elif hasher is strhash:
            kind = _kindFaststr
    if elemtype.size > maxZero:
        flags |= _bigElem
        if elemtype.size not in _bigzeros:
            from gort.runtime.mfixalloc import persistentalloc
            from gort.runtime.mstats import memstats

            _bigzeros[elemtype.size] = persistentalloc(elemtype.size, 8, memstats.other_sys)
    t.bucket = bucket
    t.keysize = ks
    t.valuesize = es
    t.bucketsize = bucketsize
    t.hasher = hasher
    if t.addr:
        # abi.MapType after the header: Key, Elem, Bucket, Hasher, KeySize,
        # ValueSize, BucketSize, Flags (the hasher is Python-side only).
        p = t.addr
        U64[(p + 64) >> 3] = bucket.addr
        U8[p + 80] = ks
        U8[p + 81] = es
        U16[(p + 82) >> 1] = bucketsize
        U32[(p + 84) >> 2] = flags & 0x1F
    t.flags = flags | kind << _kindShift


def _isReflexive(t: _type) -> bool:
    """k == k holds for every value (gc's isReflexive)."""
    k = t.kind
    if k in (Float32, Float64, Complex64, Complex128, Interface):
        return False
    if isinstance(t, arraytype):
        return _isReflexive(t.elem)
    if isinstance(t, structtype):
        return all(_isReflexive(f.typ) for f in t.fields)
    return True


def _needKeyUpdate(t: _type) -> bool:
    """Overwriting an equal key can change its bytes (+0/-0, string data; gc's needkeyupdate)."""
    k = t.kind
    if k in (Float32, Float64, Complex64, Complex128, Interface, String):
        return True
    if isinstance(t, arraytype):
        return _needKeyUpdate(t.elem)
    if isinstance(t, structtype):
        return any(_needKeyUpdate(f.typ) for f in t.fields)
    return False


def _hashMightPanic(t: _type) -> bool:
    """Hashing may panic: an interface inside (gc's hashMightPanic)."""
    if t.kind == Interface:
        return True
    if t.kind == Array and isinstance(t, arraytype):
        return _hashMightPanic(t.elem)
    if isinstance(t, structtype):
        return any(_hashMightPanic(f.typ) for f in t.fields)
    return False


def _zero(t: maptype) -> int:
    """What mapaccess returns for a missing key: zeroVal, or a bigger zeroed block."""
    if t.flags & _bigElem:
        return _bigzeros[t.elem.size]
    return zeroVal


# --- small helpers (map.go) ------------------------------------------------------------


# go: runtime/map.go bucketShift
def bucketShift(b: int) -> int:
    return 1 << b


# go: runtime/map.go bucketMask
def bucketMask(b: int) -> int:
    return (1 << b) - 1


# go: runtime/map.go tophash
def tophash(hash: int) -> int:
    top = hash >> 56
    if top < minTopHash:
        top += minTopHash
    return top


# go: runtime/map.go evacuated
def evacuated(b: int) -> bool:
    h = U8[b]
    return emptyOne < h < minTopHash


# go: runtime/map.go bmap.overflow
def overflow(t: maptype, b: int) -> int:
    return U64[(b + t.bucketsize - 8) >> 3]  # type: ignore[no-any-return]


# go: runtime/map.go bmap.setoverflow
def setoverflow(t: maptype, b: int, ovf: int) -> None:
    U64[(b + t.bucketsize - 8) >> 3] = ovf


# go: runtime/map.go hmap.incrnoverflow
def incrnoverflow(h: int) -> None:
    """Count one more overflow bucket: exactly below B=16, with probability 2^-(B-15) above,
    so that the uint16 can reach 2^B when there are about as many as buckets."""
    B = U8[h + _B]
    if B < 16:
        U16[(h + _noverflow) >> 1] = (U16[(h + _noverflow) >> 1] + 1) & 0xFFFF
        return
    mask = (1 << (B - 15)) - 1
    if _fastrand() & mask == 0:
        U16[(h + _noverflow) >> 1] = (U16[(h + _noverflow) >> 1] + 1) & 0xFFFF


# go: runtime/map.go hmap.newoverflow
def newoverflow(t: maptype, h: int, b: int) -> int:
    """Chain a new overflow bucket after b: a preallocated one if any is left."""
    ovf = 0
    extra = U64[(h + _extra) >> 3]
    if extra and U64[(extra + _nextOverflow) >> 3]:
        ovf = U64[(extra + _nextOverflow) >> 3]
        if overflow(t, ovf) == 0:
            # Not the last preallocated bucket: bump the pointer.
            U64[(extra + _nextOverflow) >> 3] = ovf + t.bucketsize
        else:
            # The last one carries a non-nil sentinel in its overflow link.
            setoverflow(t, ovf, 0)
            U64[(extra + _nextOverflow) >> 3] = 0
    else:
        ovf = newobject(t.bucket)  # type: ignore[arg-type]
    incrnoverflow(h)
    if not t.bucket.ptrdata:  # type: ignore[union-attr]
        # The GC does not scan these buckets: keep the overflow ones alive from extra.
        createOverflow(h)
        sp = U64[(U64[(h + _extra) >> 3] + _overflow) >> 3]
        p, n, c = U64[sp >> 3], U64[(sp + 8) >> 3], U64[(sp + 16) >> 3]
        if n + 1 > c:
            p, _, c = growslice(p, n + 1, c, 1, bmapPtrType)
        U64[(p + 8 * n) >> 3] = ovf
        U64[sp >> 3] = p
        U64[(sp + 8) >> 3] = n + 1
        U64[(sp + 16) >> 3] = c
    setoverflow(t, b, ovf)
    return ovf


# go: runtime/map.go hmap.createOverflow
def createOverflow(h: int) -> None:
    extra = U64[(h + _extra) >> 3]
    if not extra:
        extra = newobject(mapextraType)
        U64[(h + _extra) >> 3] = extra
    if not U64[(extra + _overflow) >> 3]:
        U64[(extra + _overflow) >> 3] = newobject(bmapSliceType)


# --- making a map ------------------------------------------------------------------------


# go: runtime/map.go makemap
def makemap(t: maptype, hint: int) -> int:
    """make(map[K]V, hint): a new hmap; buckets now if hint needs B > 0, else on first write."""
    if not t.flags:
        initmaptype(t)
    bsize = t.bucket.size  # type: ignore[union-attr]
    if hint < 0 or hint * bsize > maxAlloc:
        hint = 0
    h = newobject(hmapType)
    U32[(h + _hash0) >> 2] = _fastrand()
    B = 0
    while overLoadFactor(hint, B):
        B += 1
    U8[h + _B] = B
    if B != 0:
        buckets, nextOverflow = makeBucketArray(t, B, 0)
        U64[(h + _buckets) >> 3] = buckets
        if nextOverflow:
            extra = newobject(mapextraType)
            U64[(extra + _nextOverflow) >> 3] = nextOverflow
            U64[(h + _extra) >> 3] = extra
    return h


# go: runtime/map.go makemap_small
def makemap_small() -> int:
    """make(map[K]V) with a hint of at most 8 known at compile time: just the hmap."""
    h = newobject(hmapType)
    U32[(h + _hash0) >> 2] = _fastrand()
    return h


# go: runtime/map.go makeBucketArray
def makeBucketArray(t: maptype, b: int, dirtyalloc: int) -> tuple[int, int]:
    """An array of at least 2^b buckets (reusing dirtyalloc, cleared, if given), with
    spare overflow buckets at its end for b >= 4. Returns (buckets, nextOverflow)."""
    bt = t.bucket
    assert bt is not None
    base = 1 << b
    nbuckets = base
    if b >= 4:
        # About the number of overflow buckets the median map of this size needs.
        nbuckets += 1 << (b - 4)
        sz = bt.size * nbuckets
        up = roundupsize(sz, not bt.ptrdata)
        if up != sz:
            nbuckets = up // bt.size
    if not dirtyalloc:
        buckets = newarray(bt, nbuckets)
    else:
        buckets = dirtyalloc
        memclrNoHeapPointers(buckets, bt.size * nbuckets)  # memclrHasPointers: barrier later
    nextOverflow = 0
    if base != nbuckets:
        # Spare buckets are taken by bumping a pointer; the last one's non-nil
        # overflow link (the array itself) says it is the last.
        nextOverflow = buckets + base * t.bucketsize
        last = buckets + (nbuckets - 1) * t.bucketsize
        setoverflow(t, last, buckets)
    return buckets, nextOverflow


# --- lookups -----------------------------------------------------------------------------


def _nilOrEmpty(t: maptype, key: int) -> None:
    """A lookup or delete in a nil or empty map: panic as hashing would (issue 23734)."""
    if not t.flags:
        initmaptype(t)
    if t.flags & hashMightPanic:
        err = mapKeyError(t.key, key)
        if err:
            panicPlain(err)


# go: runtime/map.go mapaccess1
def mapaccess1(t: maptype, h: int, key: int) -> int:
    """m[k]: the address of k's element, or of a zero value. Never nil."""
    kind = t.flags >> _kindShift
    if kind == _kindFast64:
        return mapaccess1_fast64(t, h, key)
    if kind == _kindFaststr:
        return mapaccess1_faststr(t, h, key)
    if kind == _kindFast32:
        return mapaccess1_fast32(t, h, key)
    if not h or not U64[h >> 3]:
        _nilOrEmpty(t, key)
        return _zero(t)
    if not kind:
        initmaptype(t)  # another descriptor of the map's type made it
        return mapaccess1(t, h, key)
    r = mapaccessK(t, h, key)
    if not r:
        return _zero(t)
    return r[1]


# go: runtime/map.go mapaccess2
def mapaccess2(t: maptype, h: int, key: int) -> tuple[int, bool]:
    """v, ok := m[k]."""
    kind = t.flags >> _kindShift
    if kind == _kindFast64:
        return mapaccess2_fast64(t, h, key)
    if kind == _kindFaststr:
        return mapaccess2_faststr(t, h, key)
    if kind == _kindFast32:
        return mapaccess2_fast32(t, h, key)
    if not h or not U64[h >> 3]:
        _nilOrEmpty(t, key)
        return _zero(t), False
    if not kind:
        initmaptype(t)
        return mapaccess2(t, h, key)
    r = mapaccessK(t, h, key)
    if not r:
        return _zero(t), False
    return r[1], True


# go: runtime/map.go mapaccessK
def mapaccessK(t: maptype, h: int, key: int) -> tuple[int, int] | None:
    """(key address, elem address) of key in a non-nil map, or None. Any key kind."""
    if not h or not U64[h >> 3]:
        return None
    if U8[h + _flags] & hashWriting:
        fatal("concurrent map read and map write")
    hash = t.hasher(key, U32[(h + _hash0) >> 2])  # type: ignore[misc]
    bs = t.bucketsize
    m = (1 << U8[h + _B]) - 1
    b = U64[(h + _buckets) >> 3] + (hash & m) * bs
    c = U64[(h + _oldbuckets) >> 3]
    if c:
        if not U8[h + _flags] & sameSizeGrow:
            m >>= 1  # there used to be half as many buckets
        oldb = c + (hash & m) * bs
        if not evacuated(oldb):
            b = oldb
    top = tophash(hash)
    ks = t.keysize
    eoff = dataOffset + bucketCnt * ks
    es = t.valuesize
    indirect = t.flags & (indirectkey | indirectelem)
    equal = t.key.equal
    while b:
        for i in range(bucketCnt):
            th = U8[b + i]
            if th != top:
                if th == emptyRest:
                    return None
                continue
            k = b + dataOffset + i * ks
            if indirect & indirectkey:
                k = U64[k >> 3]
            if equal(key, k):  # type: ignore[misc]
                e = b + eoff + i * es
                if indirect & indirectelem:
                    e = U64[e >> 3]
                return k, e
        b = U64[(b + bs - 8) >> 3]
    return None


# go: runtime/map_fast64.go mapaccess2_fast64
def _access_fast64(t: maptype, h: int, key: int) -> int:
    """The element address for an 8-byte plain-memory key, or 0 (h non-nil, non-empty)."""
    w = U64[(h + _flags) >> 3]  # flags, B, noverflow, hash0 in one word
    if w & hashWriting:
        fatal("concurrent map read and map write")
    k = U64[key >> 3]
    hash = _pyhash((w >> 32, k)) & _M64
    bs = t.bucketsize
    m = (1 << ((w >> 8) & 0xFF)) - 1
    b = U64[(h + _buckets) >> 3] + (hash & m) * bs
    c = U64[(h + _oldbuckets) >> 3]
    if c:
        if not w & sameSizeGrow:
            m >>= 1
        oldb = c + (hash & m) * bs
        if not emptyOne < U8[oldb] < minTopHash:
            b = oldb
    top = hash >> 56
    if top < minTopHash:
        top += minTopHash
    while True:
        th = U8[b : b + 8].tobytes()
        i = th.find(top)
        while i >= 0:
            if U64[(b + 8 + 8 * i) >> 3] == k:
                return b + 72 + i * t.valuesize
            i = th.find(top, i + 1)
        if th[7] == emptyRest:
            break
        b = U64[(b + bs - 8) >> 3]
        if not b:
            break
    return 0


# go: runtime/map_fast64.go mapaccess1_fast64
def mapaccess1_fast64(t: maptype, h: int, key: int) -> int:
    """m[k] for 8-byte plain-memory keys."""
    if h and U64[h >> 3]:
        e = _access_fast64(t, h, key)
        if e:
            return e
    return zeroVal if not t.flags & _bigElem else _zero(t)


# go: runtime/map_fast64.go mapaccess2_fast64
def mapaccess2_fast64(t: maptype, h: int, key: int) -> tuple[int, bool]:
    """v, ok := m[k] for 8-byte plain-memory keys."""
    if not h or not U64[h >> 3]:
        return _zero(t), False
    e = _access_fast64(t, h, key)
    if e:
        return e, True
    return _zero(t), False


# go: runtime/map_fast32.go mapaccess2_fast32
def _access_fast32(t: maptype, h: int, key: int) -> int:
    """The element address for a 4-byte plain-memory key, or 0 (h non-nil, non-empty)."""
    w = U64[(h + _flags) >> 3]
    if w & hashWriting:
        fatal("concurrent map read and map write")
    k = U32[key >> 2]
    hash = _pyhash((w >> 32, k)) & _M64
    bs = t.bucketsize
    m = (1 << ((w >> 8) & 0xFF)) - 1
    b = U64[(h + _buckets) >> 3] + (hash & m) * bs
    c = U64[(h + _oldbuckets) >> 3]
    if c:
        if not w & sameSizeGrow:
            m >>= 1
        oldb = c + (hash & m) * bs
        if not emptyOne < U8[oldb] < minTopHash:
            b = oldb
    top = hash >> 56
    if top < minTopHash:
        top += minTopHash
    while True:
        th = U8[b : b + 8].tobytes()
        i = th.find(top)
        while i >= 0:
            if U32[(b + 8 + 4 * i) >> 2] == k:
                return b + 40 + i * t.valuesize
            i = th.find(top, i + 1)
        if th[7] == emptyRest:
            break
        b = U64[(b + bs - 8) >> 3]
        if not b:
            break
    return 0


# go: runtime/map_fast32.go mapaccess1_fast32
def mapaccess1_fast32(t: maptype, h: int, key: int) -> int:
    if not h or not U64[h >> 3]:
        return _zero(t)
    return _access_fast32(t, h, key) or _zero(t)


# go: runtime/map_fast32.go mapaccess2_fast32
def mapaccess2_fast32(t: maptype, h: int, key: int) -> tuple[int, bool]:
    if not h or not U64[h >> 3]:
        return _zero(t), False
    e = _access_fast32(t, h, key)
    if e:
        return e, True
    return _zero(t), False


# go: runtime/map_faststr.go mapaccess2_faststr
def _access_faststr(t: maptype, h: int, key: int) -> int:
    """The element address for a string key, or 0 (h non-nil, non-empty)."""
    w = U64[(h + _flags) >> 3]
    if w & hashWriting:
        fatal("concurrent map read and map write")
    kp = U64[key >> 3]
    kn = U64[(key + 8) >> 3]
    kb = U8[kp : kp + kn].tobytes()
    hash = _pyhash((w >> 32, kb)) & _M64
    bs = t.bucketsize
    m = (1 << ((w >> 8) & 0xFF)) - 1
    b = U64[(h + _buckets) >> 3] + (hash & m) * bs
    c = U64[(h + _oldbuckets) >> 3]
    if c:
        if not w & sameSizeGrow:
            m >>= 1
        oldb = c + (hash & m) * bs
        if not emptyOne < U8[oldb] < minTopHash:
            b = oldb
    top = hash >> 56
    if top < minTopHash:
        top += minTopHash
    while True:
        th = U8[b : b + 8].tobytes()
        i = th.find(top)
        while i >= 0:
            q = (b + 8 + 16 * i) >> 3
            if U64[q + 1] == kn:
                sp = U64[q]
                if sp == kp or U8[sp : sp + kn] == kb:
                    return b + 136 + i * t.valuesize
            i = th.find(top, i + 1)
        if th[7] == emptyRest:
            break
        b = U64[(b + bs - 8) >> 3]
        if not b:
            break
    return 0


# go: runtime/map_faststr.go mapaccess1_faststr
def mapaccess1_faststr(t: maptype, h: int, key: int) -> int:
    if not h or not U64[h >> 3]:
        return _zero(t)
    return _access_faststr(t, h, key) or _zero(t)


# go: runtime/map_faststr.go mapaccess2_faststr
def mapaccess2_faststr(t: maptype, h: int, key: int) -> tuple[int, bool]:
    if not h or not U64[h >> 3]:
        return _zero(t), False
    e = _access_faststr(t, h, key)
    if e:
        return e, True
    return _zero(t), False


# --- insertion ---------------------------------------------------------------------------


# go: runtime/map.go mapassign
def mapassign(t: maptype, h: int, key: int) -> int:
    """m[k] = ...: the address of k's element slot (made if k is new); the caller stores."""
    kind = t.flags >> _kindShift
    if not h:
        panicPlain("assignment to entry in nil map")
    if kind == _kindFast64:  # mapassign_fast64
        return _assign_fast(t, h, key, U64[key >> 3], None)
    if kind == _kindFaststr:  # mapassign_faststr
        kp = U64[key >> 3]
        kn = U64[(key + 8) >> 3]
        return _assign_fast(t, h, key, kn, U8[kp : kp + kn].tobytes())
    if kind == _kindFast32:  # mapassign_fast32
        return _assign_fast(t, h, key, U32[key >> 2], None)
    if not kind:
        initmaptype(t)
        return mapassign(t, h, key)
    if U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    hash = t.hasher(key, U32[(h + _hash0) >> 2])  # type: ignore[misc]
    # Set hashWriting after hashing: the hasher may panic, and then nothing was written.
    U8[h + _flags] ^= hashWriting
    if not U64[(h + _buckets) >> 3]:
        U64[(h + _buckets) >> 3] = newobject(t.bucket)  # type: ignore[arg-type]
    bs = t.bucketsize
    ks = t.keysize
    es = t.valuesize
    eoff = dataOffset + bucketCnt * ks
    tflags = t.flags
    keytype = t.key
    equal = keytype.equal
    top = tophash(hash)
    while True:  # again:
        bucket = hash & ((1 << U8[h + _B]) - 1)
        if U64[(h + _oldbuckets) >> 3]:
            growWork(t, h, bucket)
        b = U64[(h + _buckets) >> 3] + bucket * bs
        inserti = 0  # address of the tophash byte of the first free slot
        insertk = 0
        elem = 0
        found = False
        while True:
            for i in range(bucketCnt):
                th = U8[b + i]
                if th != top:
                    if th <= emptyOne and not inserti:
                        inserti = b + i
                        insertk = b + dataOffset + i * ks
                        elem = b + eoff + i * es
                    if th == emptyRest:
                        break
                    continue
                k = b + dataOffset + i * ks
                if tflags & indirectkey:
                    k = U64[k >> 3]
                if not equal(key, k):  # type: ignore[misc]
                    continue
                # The key is there: update it (if equal keys can differ) and its element.
                if tflags & needkeyupdate:
                    typedmemmove(keytype, k, key)
                elem = b + eoff + i * es
                found = True
                break
            else:
                ovf = U64[(b + bs - 8) >> 3]
                if ovf:
                    b = ovf
                    continue
            break
        if found:
            break
        # A new key. At the load factor, or with too many overflow buckets, and
        # not already growing: grow, then start over (growing moves everything).
        if not U64[(h + _oldbuckets) >> 3] and (
            overLoadFactor(U64[h >> 3] + 1, U8[h + _B])
            or tooManyOverflowBuckets(U16[(h + _noverflow) >> 1], U8[h + _B])
        ):
            hashGrow(t, h)
            continue
        if not inserti:
            # This bucket and its chain are full: chain another.
            newb = newoverflow(t, h, b)
            inserti = newb
            insertk = newb + dataOffset
            elem = insertk + bucketCnt * ks
        if tflags & indirectkey:
            kmem = newobject(keytype)
            U64[insertk >> 3] = kmem
            insertk = kmem
        if tflags & indirectelem:
            vmem = newobject(t.elem)
            U64[elem >> 3] = vmem
        typedmemmove(keytype, insertk, key)
        U8[inserti] = top
        U64[h >> 3] += 1
        break
    # done:
    if not U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    U8[h + _flags] &= ~hashWriting & 0xFF
    if tflags & indirectelem:
        elem = U64[elem >> 3]
    return elem


def _assign_fast(t: maptype, h: int, key: int, kw: int, kb: bytes | None) -> int:
    """mapassign for the fast key kinds, h non-nil: kw is the key's word (4 or 8 bytes;
    the length for strings), kb the string's bytes. Serves mapassign_fast32/64/str."""
    w = U64[(h + _flags) >> 3]  # flags, B, noverflow, hash0 in one word
    if w & hashWriting:
        fatal("concurrent map writes")
    if kb is None:
        hash = _pyhash((w >> 32, kw)) & _M64
    else:
        hash = _pyhash((w >> 32, kb)) & _M64
    U8[h + _flags] = (w & 0xFF) ^ hashWriting
    if not U64[(h + _buckets) >> 3]:
        U64[(h + _buckets) >> 3] = newobject(t.bucket)  # type: ignore[arg-type]
    bs = t.bucketsize
    ks = t.keysize
    top = hash >> 56
    if top < minTopHash:
        top += minTopHash
    kp = U64[key >> 3] if kb is not None else 0
    kbytes = kb or b""
    while True:  # again:
        B = U8[h + _B]
        bucket = hash & ((1 << B) - 1)
        if U64[(h + _oldbuckets) >> 3]:
            growWork(t, h, bucket)
        b = U64[(h + _buckets) >> 3] + bucket * bs
        insertb = 0
        inserti = 0
        while True:
            th = U8[b : b + 8].tobytes()
            i = th.find(top)
            while i >= 0:
                if ks == 8:
                    if U64[(b + 8 + 8 * i) >> 3] == kw:
                        break
                elif ks == 4:
                    if U32[(b + 8 + 4 * i) >> 2] == kw:
                        break
                else:
                    q = (b + 8 + 16 * i) >> 3
                    if U64[q + 1] == kw:
                        sp = U64[q]
                        if sp == kp or U8[sp : sp + kw] == kbytes:
                            U64[q] = kp  # keep the new key's bytes (needkeyupdate)
                            break
                i = th.find(top, i + 1)
            if i >= 0:
                # The key is there: done.
                if not U8[h + _flags] & hashWriting:
                    fatal("concurrent map writes")
                U8[h + _flags] &= ~hashWriting & 0xFF
                return b + dataOffset + bucketCnt * ks + i * t.valuesize
            if not insertb:
                # The first empty slot: emptyOne, or emptyRest (after which all are empty).
                i = th.find(emptyOne)
                j = th.find(emptyRest)
                if i < 0 or 0 <= j < i:
                    i = j
                if i >= 0:
                    insertb = b
                    inserti = i
            if th[7] == emptyRest:
                break
            ovf = U64[(b + bs - 8) >> 3]
            if not ovf:
                break
            b = ovf
        # A new key: maybe grow first (then start over; growing moves everything).
        # overLoadFactor and tooManyOverflowBuckets, inlined.
        count = U64[h >> 3] + 1
        if not U64[(h + _oldbuckets) >> 3] and (
            (count > bucketCnt and count > loadFactorNum * ((1 << B) >> 1))
            or U16[(h + _noverflow) >> 1] >= 1 << (B if B < 15 else 15)
        ):
            hashGrow(t, h)
            continue
        if not insertb:
            insertb = newoverflow(t, h, b)  # the chain is full
            inserti = 0
        if ks == 8:
            if t.key.ptrdata:
                typedmemmove(t.key, insertb + 8 + 8 * inserti, key)
            else:
                U64[(insertb + 8 + 8 * inserti) >> 3] = kw
        elif ks == 4:
            U32[(insertb + 8 + 4 * inserti) >> 2] = kw
        else:
            typedmemmove(t.key, insertb + 8 + 16 * inserti, key)
        U8[insertb + inserti] = top
        U64[h >> 3] = count
        if not U8[h + _flags] & hashWriting:
            fatal("concurrent map writes")
        U8[h + _flags] &= ~hashWriting & 0xFF
        return insertb + dataOffset + bucketCnt * ks + inserti * t.valuesize


# go: runtime/map_fast64.go mapassign_fast64
def mapassign_fast64(t: maptype, h: int, key: int) -> int:
    if not h:
        panicPlain("assignment to entry in nil map")
    return _assign_fast(t, h, key, U64[key >> 3], None)


# go: runtime/map_fast32.go mapassign_fast32
def mapassign_fast32(t: maptype, h: int, key: int) -> int:
    if not h:
        panicPlain("assignment to entry in nil map")
    return _assign_fast(t, h, key, U32[key >> 2], None)


# go: runtime/map_faststr.go mapassign_faststr
def mapassign_faststr(t: maptype, h: int, key: int) -> int:
    if not h:
        panicPlain("assignment to entry in nil map")
    kp = U64[key >> 3]
    kn = U64[(key + 8) >> 3]
    return _assign_fast(t, h, key, kn, U8[kp : kp + kn].tobytes())


# --- deletion ----------------------------------------------------------------------------


# go: runtime/map.go mapdelete
def mapdelete(t: maptype, h: int, key: int) -> None:
    """delete(m, k). Serves the fast key kinds too (map_fast*.go mapdelete_fast*)."""
    if not h or not U64[h >> 3]:
        _nilOrEmpty(t, key)
        return
    if U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    if not t.flags:
        initmaptype(t)
    tflags = t.flags
    kind = tflags >> _kindShift
    seed = U32[(h + _hash0) >> 2]
    kw = 0
    kb = b""
    kp = 0
    if kind == _kindFast64:
        kw = U64[key >> 3]
        hash = _pyhash((seed, kw)) & _M64
    elif kind == _kindFaststr:
        kp = U64[key >> 3]
        kw = U64[(key + 8) >> 3]
        kb = U8[kp : kp + kw].tobytes()
        hash = _pyhash((seed, kb)) & _M64
    elif kind == _kindFast32:
        kw = U32[key >> 2]
        hash = _pyhash((seed, kw)) & _M64
    else:
        hash = t.hasher(key, seed)  # type: ignore[misc]
    # Set hashWriting after hashing: the hasher may panic, and then nothing was deleted.
    U8[h + _flags] ^= hashWriting
    bucket = hash & ((1 << U8[h + _B]) - 1)
    if U64[(h + _oldbuckets) >> 3]:
        growWork(t, h, bucket)
    bs = t.bucketsize
    ks = t.keysize
    keytype, elemtype = t.key, t.elem
    equal = keytype.equal
    b = U64[(h + _buckets) >> 3] + bucket * bs
    bOrig = b
    top = tophash(hash)
    while b:
        th = U8[b : b + 8].tobytes()
        i = th.find(top)
        while i >= 0:
            k = b + dataOffset + i * ks
            if kind == _kindFast64:
                if U64[k >> 3] == kw:
                    break
            elif kind == _kindFaststr:
                if U64[(k + 8) >> 3] == kw:
                    sp = U64[k >> 3]
                    if sp == kp or U8[sp : sp + kw] == kb:
                        break
            elif kind == _kindFast32:
                if U32[k >> 2] == kw:
                    break
            elif equal(key, U64[k >> 3] if tflags & indirectkey else k):  # type: ignore[misc]
                break
            i = th.find(top, i + 1)
        if i >= 0:
            _deleteSlot(t, h, bOrig, b, i, k, keytype, elemtype)
            break
        if th[7] == emptyRest:
            break  # nothing further down the chain
        b = U64[(b + bs - 8) >> 3]
    if not U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    U8[h + _flags] &= ~hashWriting & 0xFF


def _deleteSlot(
    t: maptype, h: int, bOrig: int, b: int, i: int, k: int, keytype: _type, elemtype: _type
) -> None:
    """The body of mapdelete once the key is found in slot i of b (bOrig heads the chain)."""
    tflags = t.flags
    bs = t.bucketsize
    # Clear the key only if it holds pointers (the GC must not see them).
    if tflags & indirectkey:
        U64[k >> 3] = 0
    elif keytype.ptrdata:
        typedmemclr(keytype, k)
    e = b + dataOffset + bucketCnt * t.keysize + i * t.valuesize
    if tflags & indirectelem:
        U64[e >> 3] = 0
    elif elemtype.ptrdata:
        typedmemclr(elemtype, e)
    elif elemtype.size == 8:
        U64[e >> 3] = 0
    elif elemtype.size:
        memclrNoHeapPointers(e, elemtype.size)
    U8[b + i] = emptyOne
    # If the chain now ends in empty slots, turn them into emptyRest.
    if i == bucketCnt - 1:
        ovf = U64[(b + bs - 8) >> 3]
        notLast = ovf != 0 and U8[ovf] != emptyRest
    else:
        notLast = U8[b + i + 1] != emptyRest
    if not notLast:
        while True:
            U8[b + i] = emptyRest
            if i == 0:
                if b == bOrig:
                    break  # the start of the chain
                # Step back to the previous bucket of the chain, at its last slot.
                c = b
                b = bOrig
                while U64[(b + bs - 8) >> 3] != c:
                    b = U64[(b + bs - 8) >> 3]
                i = bucketCnt - 1
            else:
                i -= 1
            if U8[b + i] != emptyOne:
                break
    U64[h >> 3] -= 1
    # Re-seed an empty map, so that an attacker cannot keep colliding (issue 25237).
    if U64[h >> 3] == 0:
        U32[(h + _hash0) >> 2] = _fastrand()


# --- iteration ---------------------------------------------------------------------------


class hiter:
    """The state of a range over a map (Go's hiter; the compiler's loop variable).

    Owned by the goroutine running the loop. Addresses are Go pointers (0 is nil)."""

    __slots__ = (
        "key",
        "elem",
        "t",
        "h",
        "buckets",
        "bptr",
        "overflow",
        "oldoverflow",
        "startBucket",
        "offset",
        "wrapped",
        "B",
        "i",
        "bucket",
        "checkBucket",
    )

    def __init__(self) -> None:
        self.key = 0  # address of the current key; 0 when the iteration is over
        self.elem = 0  # address of the current element
        self.t: maptype | None = None  # the map's type
        self.h = 0  # the hmap
        self.buckets = 0  # h.buckets when the iteration started
        self.bptr = 0  # the bucket being walked (0: move to the next bucket index)
        self.overflow = 0  # *[]*bmap: keeps the overflow buckets of buckets alive
        self.oldoverflow = 0  # *[]*bmap: the same for oldbuckets
        self.startBucket = 0  # bucket index the iteration started at
        self.offset = 0  # slot offset (0..7) applied within every bucket
        self.wrapped = False  # the walk has wrapped from the last bucket to bucket 0
        self.B = 0  # h.B when the iteration started
        self.i = 0  # next slot (before the offset) in bptr
        self.bucket = 0  # next bucket index
        self.checkBucket = 0  # new bucket whose entries an unevacuated old bucket is filtered for

    def pointers(self) -> tuple[int, ...]:
        """The Go pointers this iterator holds (GC roots while the loop runs)."""
        return (
            self.key,
            self.elem,
            self.h,
            self.buckets,
            self.bptr,
            self.overflow,
            self.oldoverflow,
        )


# go: runtime/map.go mapiterinit
def mapiterinit(t: maptype, h: int) -> hiter:
    """Start `for k, v := range m`: a random start bucket and offset; the first entry."""
    it = hiter()
    it.t = t
    if not h or not U64[h >> 3]:
        return it
    if not t.flags:
        initmaptype(t)
    it.h = h
    # A snapshot of the bucket state.
    B = U8[h + _B]
    it.B = B
    it.buckets = U64[(h + _buckets) >> 3]
    if not t.bucket.ptrdata:  # type: ignore[union-attr]
        # Keep the overflow buckets alive even if the map grows meanwhile.
        createOverflow(h)
        extra = U64[(h + _extra) >> 3]
        it.overflow = U64[(extra + _overflow) >> 3]
        it.oldoverflow = U64[(extra + _oldoverflow) >> 3]
    r = _fastrand()
    if B > 31 - bucketCntBits:
        r += _fastrand() << 31
    it.startBucket = r & ((1 << B) - 1)
    it.offset = (r >> B) & (bucketCnt - 1)
    it.bucket = it.startBucket
    # Remember there is an iterator (growth must then keep the old buckets intact).
    if U8[h + _flags] & (iterator | oldIterator) != iterator | oldIterator:
        U8[h + _flags] |= iterator | oldIterator
    mapiternext(it)
    return it


# go: runtime/map.go mapiternext
def mapiternext(it: hiter) -> None:
    """Advance it to the next entry (it.key == 0 at the end)."""
    h = it.h
    if not h:
        it.key = it.elem = 0
        return
    if U8[h + _flags] & hashWriting:
        fatal("concurrent map iteration and map write")
    t = it.t
    assert t is not None
    bucket = it.bucket
    b = it.bptr
    i = it.i
    checkBucket = it.checkBucket
    bs = t.bucketsize
    ks = t.keysize
    es = t.valuesize
    eoff = dataOffset + bucketCnt * ks
    tflags = t.flags
    offset = it.offset
    while True:
        if not b:
            if bucket == it.startBucket and it.wrapped:
                it.key = it.elem = 0  # the end
                return
            if U64[(h + _oldbuckets) >> 3] and it.B == U8[h + _B]:
                # Started during a growth that is not finished: if the old bucket
                # is not evacuated yet, walk it, keeping only the entries that go
                # to this new bucket.
                oldbucket = bucket & oldbucketmask(h)
                b = U64[(h + _oldbuckets) >> 3] + oldbucket * bs
                if not evacuated(b):
                    checkBucket = bucket
                else:
                    b = it.buckets + bucket * bs
                    checkBucket = noCheck
            else:
                b = it.buckets + bucket * bs
                checkBucket = noCheck
            bucket += 1
            if bucket == 1 << it.B:
                bucket = 0
                it.wrapped = True
            i = 0
        th8 = U8[b : b + 8].tobytes()
        while i < bucketCnt:
            offi = (i + offset) & (bucketCnt - 1)
            th = th8[offi]
            if th <= emptyOne or th == evacuatedEmpty:
                i += 1
                continue
            k = b + dataOffset + offi * ks
            if tflags & indirectkey:
                k = U64[k >> 3]
            e = b + eoff + offi * es
            if checkBucket != noCheck and not U8[h + _flags] & sameSizeGrow:
                # Walking an unevacuated old bucket during a doubling: skip the
                # entries bound for the other half.
                if tflags & reflexivekey or t.key.equal(k, k):  # type: ignore[misc]
                    hash = t.hasher(k, U32[(h + _hash0) >> 2])  # type: ignore[misc]
                    if hash & ((1 << it.B) - 1) != checkBucket:
                        i += 1
                        continue
                elif checkBucket >> (it.B - 1) != th & 1:
                    # k != k (NaN): its hash is not repeatable; evacuation sends it
                    # by the low bit of its tophash, and so does this filter.
                    i += 1
                    continue
            if (th != evacuatedX and th != evacuatedY) or not (
                tflags & reflexivekey or t.key.equal(k, k)  # type: ignore[misc]
            ):
                # The current data (or a NaN key, which cannot have changed).
                it.key = k
                if tflags & indirectelem:
                    e = U64[e >> 3]
                it.elem = e
            else:
                # The map grew since the iteration started and this entry moved:
                # look it up again (it may have been deleted or updated).
                r = mapaccessK(t, h, k)
                if r is None:
                    i += 1
                    continue
                it.key, it.elem = r
            it.bucket = bucket
            it.bptr = b
            it.i = i + 1
            it.checkBucket = checkBucket
            return
        b = U64[(b + bs - 8) >> 3]
        i = 0


# --- clear -------------------------------------------------------------------------------


# go: runtime/map.go mapclear
def mapclear(t: maptype, h: int) -> None:
    """clear(m): delete every entry, keeping the bucket array."""
    if not h or not U64[h >> 3]:
        return
    if U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    if not t.flags:
        initmaptype(t)
    U8[h + _flags] ^= hashWriting
    bs = t.bucketsize

    def markBucketsEmpty(bucket: int, mask: int) -> None:
        # So that running iterators stop finding entries (issue 59411).
        for i in range(mask + 1):
            b = bucket + i * bs
            while b:
                U64[b >> 3] = 0  # all 8 tophash bytes emptyRest
                b = U64[(b + bs - 8) >> 3]

    markBucketsEmpty(U64[(h + _buckets) >> 3], (1 << U8[h + _B]) - 1)
    if U64[(h + _oldbuckets) >> 3]:
        markBucketsEmpty(U64[(h + _oldbuckets) >> 3], oldbucketmask(h))
    U8[h + _flags] &= ~sameSizeGrow & 0xFF
    U64[(h + _oldbuckets) >> 3] = 0
    U64[(h + _nevacuate) >> 3] = 0
    U16[(h + _noverflow) >> 1] = 0
    U64[h >> 3] = 0
    U32[(h + _hash0) >> 2] = _fastrand()
    extra = U64[(h + _extra) >> 3]
    if extra:
        memclrNoHeapPointers(extra, 24)
    _, nextOverflow = makeBucketArray(t, U8[h + _B], U64[(h + _buckets) >> 3])
    if nextOverflow:
        # h.extra exists: the first makeBucketArray of this size made it.
        U64[(U64[(h + _extra) >> 3] + _nextOverflow) >> 3] = nextOverflow
    if not U8[h + _flags] & hashWriting:
        fatal("concurrent map writes")
    U8[h + _flags] &= ~hashWriting & 0xFF


# go: runtime/map.go reflect_maplen
def maplen(h: int) -> int:
    """len(m)."""
    return U64[h >> 3] if h else 0  # type: ignore[no-any-return]


# --- growth ------------------------------------------------------------------------------


# go: runtime/map.go hashGrow
def hashGrow(t: maptype, h: int) -> None:
    """Start growing: a new bucket array (twice as big, or as big when only the overflow
    buckets are too many); the entries move later, in growWork."""
    bigger = 1
    B = U8[h + _B]
    if not overLoadFactor(U64[h >> 3] + 1, B):
        bigger = 0
        U8[h + _flags] |= sameSizeGrow
    oldbuckets = U64[(h + _buckets) >> 3]
    newbuckets, nextOverflow = makeBucketArray(t, B + bigger, 0)
    f = U8[h + _flags]
    flags = f & ~(iterator | oldIterator)
    if f & iterator:
        flags |= oldIterator
    # Commit the growth.
    U8[h + _B] = B + bigger
    U8[h + _flags] = flags
    U64[(h + _oldbuckets) >> 3] = oldbuckets
    U64[(h + _buckets) >> 3] = newbuckets
    U64[(h + _nevacuate) >> 3] = 0
    U16[(h + _noverflow) >> 1] = 0
    extra = U64[(h + _extra) >> 3]
    if extra and U64[(extra + _overflow) >> 3]:
        # The current overflow buckets become the old generation's.
        if U64[(extra + _oldoverflow) >> 3]:
            throw("oldoverflow is not nil")
        U64[(extra + _oldoverflow) >> 3] = U64[(extra + _overflow) >> 3]
        U64[(extra + _overflow) >> 3] = 0
    if nextOverflow:
        if not extra:
            extra = newobject(mapextraType)
            U64[(h + _extra) >> 3] = extra
        U64[(extra + _nextOverflow) >> 3] = nextOverflow


# go: runtime/map.go overLoadFactor
def overLoadFactor(count: int, B: int) -> bool:
    """count entries in 2^B buckets exceed the load factor 6.5."""
    return count > bucketCnt and count > loadFactorNum * ((1 << B) // loadFactorDen)


# go: runtime/map.go tooManyOverflowBuckets
def tooManyOverflowBuckets(noverflow: int, B: int) -> bool:
    """About as many overflow buckets as buckets (capped at 2^15): time to grow sideways."""
    if B > 15:
        B = 15
    return noverflow >= (1 << B)


# go: runtime/map.go hmap.growing
def growing(h: int) -> bool:
    return U64[(h + _oldbuckets) >> 3] != 0


# go: runtime/map.go hmap.sameSizeGrow
def isSameSizeGrow(h: int) -> bool:
    return U8[h + _flags] & sameSizeGrow != 0


# go: runtime/map.go hmap.noldbuckets
def noldbuckets(h: int) -> int:
    oldB = U8[h + _B]
    if not U8[h + _flags] & sameSizeGrow:
        oldB -= 1
    return 1 << oldB


# go: runtime/map.go hmap.oldbucketmask
def oldbucketmask(h: int) -> int:
    return noldbuckets(h) - 1


# go: runtime/map.go growWork
def growWork(t: maptype, h: int, bucket: int) -> None:
    """Evacuate the old bucket that bucket maps to, and one more to make progress.
    Serves growWork_fast32/64/str too (they call evacuate_fast*)."""
    ev = evacuate_fast if t.flags >> _kindShift > _kindGeneric else evacuate
    ev(t, h, bucket & oldbucketmask(h))
    if U64[(h + _oldbuckets) >> 3]:
        ev(t, h, U64[(h + _nevacuate) >> 3])


# go: runtime/map.go bucketEvacuated
def bucketEvacuated(t: maptype, h: int, bucket: int) -> bool:
    return evacuated(U64[(h + _oldbuckets) >> 3] + bucket * t.bucketsize)


# go: runtime/map.go evacuate
def evacuate(t: maptype, h: int, oldbucket: int) -> None:
    """Move old bucket oldbucket's chain to the new array (X: same index, Y: + newbit)."""
    bs = t.bucketsize
    b = U64[(h + _oldbuckets) >> 3] + oldbucket * bs
    newbit = noldbuckets(h)
    if not evacuated(b):
        ks = t.keysize
        es = t.valuesize
        eoff = dataOffset + bucketCnt * ks
        tflags = t.flags
        keytype, elemtype = t.key, t.elem
        # Keys and elems without pointers move as words; others through typedmemmove.
        kwords = 0 if keytype.ptrdata or tflags & indirectkey else ks
        ewords = 0 if elemtype.ptrdata or tflags & indirectelem else es
        hasher = t.hasher
        same = U8[h + _flags] & sameSizeGrow
        iterating = U8[h + _flags] & iterator
        buckets = U64[(h + _buckets) >> 3]
        # The destinations (evacDst): bucket and next slot index, X and Y.
        xb = buckets + oldbucket * bs
        xi = 0
        yb = 0
        yi = 0
        if not same:
            # Y only when doubling (else the GC could see a bad pointer).
            yb = buckets + (oldbucket + newbit) * bs
        seed = U32[(h + _hash0) >> 2]
        while b:
            th = U8[b : b + 8].tobytes()
            states = bytearray(th)
            for i in range(bucketCnt):
                top = th[i]
                if top <= emptyOne:
                    states[i] = evacuatedEmpty
                    continue
                if top < minTopHash:
                    throw("bad map state")
                k = b + dataOffset + i * ks
                k2 = U64[k >> 3] if tflags & indirectkey else k
                useY = 0
                if not same:
                    # The hash decides: X or Y.
                    hash = hasher(k2, seed)  # type: ignore[misc]
                    if (
                        iterating and not tflags & reflexivekey and not keytype.equal(k2, k2)  # type: ignore[misc]
                    ):
                        # k != k (NaN): the hash is not repeatable, yet iterators
                        # must agree with this choice. The low bit of the old
                        # tophash decides, and the key gets a fresh tophash.
                        useY = top & 1
                        top = tophash(hash)
                    elif hash & newbit:
                        useY = 1
                states[i] = evacuatedX + useY
                if useY:
                    if yi == bucketCnt:
                        yb = newoverflow(t, h, yb)
                        yi = 0
                    db, di = yb, yi
                    yi += 1
                else:
                    if xi == bucketCnt:
                        xb = newoverflow(t, h, xb)
                        xi = 0
                    db, di = xb, xi
                    xi += 1
                U8[db + di] = top
                dk = db + dataOffset + di * ks
                if kwords == 8:
                    U64[dk >> 3] = U64[k >> 3]
                elif tflags & indirectkey:
                    U64[dk >> 3] = k2
                else:
                    typedmemmove(keytype, dk, k)
                e = b + eoff + i * es
                de = db + eoff + di * es
                if ewords == 8:
                    U64[de >> 3] = U64[e >> 3]
                elif tflags & indirectelem:
                    U64[de >> 3] = U64[e >> 3]
                elif es:
                    typedmemmove(elemtype, de, e)
            U8[b : b + 8] = states
            b = U64[(b + bs - 8) >> 3]
        # Without iterators on the old buckets, drop the moved keys and elems
        # for the GC's sake (the tophash keeps the evacuation state).
        if not U8[h + _flags] & oldIterator and t.bucket.ptrdata:  # type: ignore[union-attr]
            ob = U64[(h + _oldbuckets) >> 3] + oldbucket * bs
            memclrNoHeapPointers(ob + dataOffset, bs - dataOffset)
    if oldbucket == U64[(h + _nevacuate) >> 3]:
        advanceEvacuationMark(h, t, newbit)


# go: runtime/map_fast64.go evacuate_fast64
def evacuate_fast(t: maptype, h: int, oldbucket: int) -> None:
    """evacuate for the fast key kinds (Go's evacuate_fast32, _fast64, _faststr): inline
    keys with a plain hash (never NaN), inline elems; the hash computed in place."""
    bs = t.bucketsize
    b = U64[(h + _oldbuckets) >> 3] + oldbucket * bs
    newbit = noldbuckets(h)
    if not emptyOne < U8[b] < minTopHash:
        ks = t.keysize
        es = t.valuesize
        eoff = dataOffset + bucketCnt * ks
        kind = t.flags >> _kindShift
        elemtype = t.elem
        eword = es == 8 and not elemtype.ptrdata
        same = U8[h + _flags] & sameSizeGrow
        buckets = U64[(h + _buckets) >> 3]
        xb = buckets + oldbucket * bs  # destination X: bucket and next slot
        xi = 0
        yb = 0 if same else buckets + (oldbucket + newbit) * bs  # destination Y
        yi = 0
        seed = U32[(h + _hash0) >> 2]
        while b:
            th = U8[b : b + 8].tobytes()
            states = bytearray(bucketCnt)
            for i in range(bucketCnt):
                top = th[i]
                if top <= emptyOne:
                    states[i] = evacuatedEmpty
                    continue
                if top < minTopHash:
                    throw("bad map state")
                k = b + dataOffset + i * ks
                useY = 0
                if not same:
                    if kind == _kindFast64:
                        useY = _pyhash((seed, U64[k >> 3])) & newbit
                    elif kind == _kindFaststr:
                        sp = U64[k >> 3]
                        useY = _pyhash((seed, U8[sp : sp + U64[(k + 8) >> 3]].tobytes())) & newbit
                    else:
                        useY = _pyhash((seed, U32[k >> 2])) & newbit
                if useY:
                    states[i] = evacuatedY
                    if yi == bucketCnt:
                        yb = newoverflow(t, h, yb)
                        yi = 0
                    db = yb
                    di = yi
                    yi += 1
                else:
                    states[i] = evacuatedX
                    if xi == bucketCnt:
                        xb = newoverflow(t, h, xb)
                        xi = 0
                    db = xb
                    di = xi
                    xi += 1
                U8[db + di] = top
                dk = db + dataOffset + di * ks
                if ks == 8:
                    U64[dk >> 3] = U64[k >> 3]
                elif ks == 4:
                    U32[dk >> 2] = U32[k >> 2]
                else:  # a string header
                    U64[dk >> 3] = U64[k >> 3]
                    U64[(dk + 8) >> 3] = U64[(k + 8) >> 3]
                if eword:
                    U64[(db + eoff + di * 8) >> 3] = U64[(b + eoff + i * 8) >> 3]
                elif es:
                    typedmemmove(elemtype, db + eoff + di * es, b + eoff + i * es)
            U8[b : b + 8] = states
            b = U64[(b + bs - 8) >> 3]
        if not U8[h + _flags] & oldIterator and t.bucket.ptrdata:  # type: ignore[union-attr]
            ob = U64[(h + _oldbuckets) >> 3] + oldbucket * bs
            memclrNoHeapPointers(ob + dataOffset, bs - dataOffset)
    if oldbucket == U64[(h + _nevacuate) >> 3]:
        advanceEvacuationMark(h, t, newbit)


# go: runtime/map.go advanceEvacuationMark
def advanceEvacuationMark(h: int, t: maptype, newbit: int) -> None:
    """Move nevacuate past evacuated buckets (at most 1024); finish the growth at the end."""
    nev = U64[(h + _nevacuate) >> 3] + 1
    stop = min(nev + 1024, newbit)
    while nev != stop and bucketEvacuated(t, h, nev):
        nev += 1
    U64[(h + _nevacuate) >> 3] = nev
    if nev == newbit:
        # Done: drop the old array and its overflow buckets (an iterator that
        # still walks them holds the oldoverflow slice).
        U64[(h + _oldbuckets) >> 3] = 0
        extra = U64[(h + _extra) >> 3]
        if extra:
            U64[(extra + _oldoverflow) >> 3] = 0
        U8[h + _flags] &= ~sameSizeGrow & 0xFF
