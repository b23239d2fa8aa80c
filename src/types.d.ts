declare module 'cfonts/lib/Size.js' {
  const sizeModule: { Size: { width: number; height: number } };
  export default sizeModule;
}
