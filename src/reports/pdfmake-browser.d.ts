/** pdfmake 0.3's prebuilt browser bundle (UMD), loaded only inside the report Web Worker. */
declare module 'pdfmake/build/pdfmake.min.js' {
  const pdfMake: {
    virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, data: ArrayBuffer): void };
    setFonts(fonts: unknown): void;
    setTableLayouts(layouts: unknown): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setProgressCallback(cb: ((share: number) => void) | undefined): void;
    createPdf(doc: unknown, options?: object): { getBuffer(): Promise<Uint8Array> };
  };
  export default pdfMake;
}
