/** The one-byte binary encoding of the value types the generated modules use. */
export const VAL_TYPE_CODE = Object.freeze({
  i32: 0x7f,
  i64: 0x7e,
  f32: 0x7d,
  f64: 0x7c,
  v128: 0x7b,
  funcref: 0x70,
  externref: 0x6f,
} as const);

/** Section ids. */
export const SECTION = Object.freeze({
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  dataCount: 12,
  tag: 13,
});

/** Import and export kinds. */
export const EXTERN_KIND = Object.freeze({ func: 0, table: 1, memory: 2, global: 3, tag: 4 });

/** The opcodes the generated modules use. */
export const OP = Object.freeze({
  unreachable: 0x00,
  block: 0x02,
  legacyTry: 0x06,
  legacyCatch: 0x07,
  throw: 0x08,
  tryTable: 0x1f,
  end: 0x0b,
  call: 0x10,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  globalGet: 0x23,
  globalSet: 0x24,
  tableGet: 0x25,
  tableSet: 0x26,
  i32Const: 0x41,
  i64Const: 0x42,
  f32Const: 0x43,
  f64Const: 0x44,
  i64Load32U: 0x35,
  i32Store: 0x36,
  i64Or: 0x84,
  i64Shl: 0x86,
  i64ShrU: 0x88,
  i32WrapI64: 0xa7,
  i64ExtendI32U: 0xad,
  i32ReinterpretF32: 0xbc,
  i64ReinterpretF64: 0xbd,
  f32ReinterpretI32: 0xbe,
  f64ReinterpretI64: 0xbf,
  refNull: 0xd0,
  simdPrefix: 0xfd,
  gcPrefix: 0xfb,
  refCast: 0x16,
  refCastNull: 0x17,
});

/** The 8-byte header of every module: magic and version 1. */
export const MODULE_HEADER: readonly number[] = Object.freeze([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
]);
